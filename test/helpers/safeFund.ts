// The Fund as deployed for a public network (the `Fund` Ignition module) whose council counts a real
// Safe 1.4.1 among its trustees, plus the SDK's view of it: what a Safe trustee's owners work with.
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { NetworkConnection } from "hardhat/types/network";
import { encodeFunctionData, type Abi, type Address } from "viem";

import type { FundAddresses } from "@fef/sdk/deployments";
import type { Step } from "@fef/sdk/steps";

import FundModule from "../../ignition/modules/Fund.js";
import type {
  FundShares,
  GrantRounds,
  ReturnsRegistry,
  TrusteeCouncil,
} from "../../types/ethers-contracts/index.js";
import { createSafe, deploySafeSuite, type SafeCall, type SafeWallet } from "./safe.js";

export interface SafeFund {
  chainId: number;
  /** A 2-of-3 Safe: one of the council's three trustees (threshold 2). */
  safe: SafeWallet;
  owners: [HardhatEthersSigner, HardhatEthersSigner, HardhatEthersSigner];
  /** The two trustees besides the Safe (plain accounts). */
  trustees: [HardhatEthersSigner, HardhatEthersSigner];
  researcher: HardhatEthersSigner;
  outsider: HardhatEthersSigner;
  fund: FundAddresses;
  council: TrusteeCouncil;
  shares: FundShares;
  grants: GrantRounds;
  registry: ReturnsRegistry;
}

/** A 2-of-3 Safe, then the Fund with trustees [Safe, t1, t2] and a threshold of 2. */
export async function deploySafeFund({ ethers, ignition }: NetworkConnection): Promise<SafeFund> {
  const [, o1, o2, o3, t1, t2, researcher, outsider] = await ethers.getSigners();
  if (!o1 || !o2 || !o3 || !t1 || !t2 || !researcher || !outsider)
    throw new Error("the test network needs at least eight accounts");
  const suite = await deploySafeSuite(ethers);
  const safe = await createSafe(ethers, suite, [o1, o2, o3], 2);

  const deployed = await ignition.deploy(FundModule, {
    parameters: { Fund: { trustees: [safe.address, t1.address, t2.address], threshold: 2 } },
  });
  const address = async (contract: { getAddress(): Promise<string> }) =>
    (await contract.getAddress()) as Address;
  const fund: FundAddresses = {
    TrusteeCouncil: await address(deployed.council),
    FundShares: await address(deployed.shares),
    GrantRounds: await address(deployed.grantRounds),
    Offerings: await address(deployed.offerings),
    CapitalPool: await address(deployed.capitalPool),
    ReturnsRegistry: await address(deployed.returnsRegistry),
    FundLens: await address(deployed.fundLens),
  };
  return {
    chainId: Number((await ethers.provider.getNetwork()).chainId),
    safe,
    owners: [o1, o2, o3],
    trustees: [t1, t2],
    researcher,
    outsider,
    fund,
    council: await ethers.getContractAt("TrusteeCouncil", fund.TrusteeCouncil),
    shares: await ethers.getContractAt("FundShares", fund.FundShares),
    grants: await ethers.getContractAt("GrantRounds", fund.GrantRounds),
    registry: await ethers.getContractAt("ReturnsRegistry", fund.ReturnsRegistry),
  };
}

/** An SDK step as the call a Safe (or any account) makes: the builder's calldata, unchanged. */
export function callOf(s: Step): SafeCall {
  return {
    to: s.address,
    data: encodeFunctionData({ abi: s.abi as Abi, functionName: s.functionName, args: s.args }),
    ...(s.value !== undefined ? { value: s.value } : {}),
  };
}

/** The one step an action builder returned (the builders used here return exactly one). */
export function only(steps: readonly Step[]): Step {
  if (steps.length !== 1 || !steps[0]) throw new Error(`expected one step, got ${steps.length}`);
  return steps[0];
}

/** Sends an SDK step from a plain account. */
export async function sendFrom(signer: HardhatEthersSigner, s: Step): Promise<void> {
  const call = callOf(s);
  await (await signer.sendTransaction({ to: call.to, data: call.data, value: call.value ?? 0n })).wait();
}
