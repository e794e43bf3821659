// Direct JSON-RPC access to the local chain of `npm start`: what the tests read to check real
// outcomes (contract state, nonces) and the only way they move time.
import {
  type Address,
  type Hex,
  createPublicClient,
  createWalletClient,
  getAddress,
  getContract,
  http,
} from "viem";
import { hardhat } from "viem/chains";

import { type ActionArgs, type ActionKind, decodeActionArgs } from "@fef/sdk/actionKinds";
import {
  capitalPoolAbi,
  fundSharesAbi,
  grantRoundsAbi,
  offeringsAbi,
  returnsRegistryAbi,
  testTokenAbi,
  trusteeCouncilAbi,
} from "@fef/sdk/generated/abis";
import { deployedAddressesFile, readDeploymentFile } from "@fef/sdk/node/deploymentFile";
import { sendSteps, step } from "@fef/sdk/steps";

import {
  type Wallet,
  approvedProposal as approveWith,
  passProposal as passWith,
} from "../../scripts/lib/council.js";
import { RPC_URL } from "./env.js";

/** The SDK's ABIs of what the tests read or call directly, by the names the specs use. */
export const abis = {
  shares: fundSharesAbi,
  council: trusteeCouncilAbi,
  rounds: grantRoundsAbi,
  offerings: offeringsAbi,
  capitalPool: capitalPoolAbi,
  registry: returnsRegistryAbi,
  /** the demo's open-mint TestToken (any ERC-20's reads) */
  erc20: testTokenAbi,
} as const;

const chain = { ...hardhat, rpcUrls: { default: { http: [RPC_URL] } } };

export const client = createPublicClient({ chain, transport: http(RPC_URL), pollingInterval: 100 });

/** A wallet client over an unlocked dev account of the node (test set-up only). */
function walletOf(account: Address) {
  return createWalletClient({ account, chain, transport: http(RPC_URL), pollingInterval: 100 });
}

type RpcResponse<T> = { result?: T; error?: { code: number; message: string } };

/** One raw JSON-RPC request to the node. */
export async function rpc<T>(method: string, params: unknown[] = []): Promise<T> {
  const response = await fetch(RPC_URL, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as RpcResponse<T>;
  if (body.error) throw new Error(`${method} failed: ${body.error.message}`);
  return body.result as T;
}

/** The node's 20 unlocked dev accounts, checksummed, by index (the seed's roles are by index). */
export async function devAccount(index: number): Promise<Address> {
  const accounts = await rpc<string[]>("eth_accounts");
  const account = accounts[index];
  if (!account) throw new Error(`The node has no dev account #${index}`);
  return getAddress(account);
}

export async function nonceOf(account: Address): Promise<number> {
  return Number(BigInt(await rpc<Hex>("eth_getTransactionCount", [account, "pending"])));
}

export async function latestTimestamp(): Promise<bigint> {
  return (await client.getBlock({ blockTag: "latest" })).timestamp;
}

/** Moves chain time forward by `seconds` and mines a block at the new time. */
export async function increaseTime(seconds: bigint): Promise<void> {
  await rpc("evm_increaseTime", [Number(seconds)]);
  await rpc("evm_mine");
}

/** Addresses of `npm start`'s deployment by contract name (Ignition's record, read by the SDK). */
export function fundAddresses(): Record<string, Address> {
  const file = new URL(`../../${deployedAddressesFile(hardhat.id)}`, import.meta.url).pathname;
  return { ...readDeploymentFile(file, hardhat.id).addresses };
}

export function fundAddress(name: string): Address {
  const address = fundAddresses()[name];
  if (!address) throw new Error(`The deployment has no ${name}`);
  return address;
}

/** Sends a transaction from an unlocked dev account (test set-up only) and waits for its receipt. */
export async function sendAs(from: Address, to: Address, data: Hex, value = 0n): Promise<void> {
  const hash = await walletOf(from).sendTransaction({ to, data, value });
  const receipt = await client.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`set-up transaction ${hash} reverted`);
}

/** Who passes proposals in the tests: the first trustee proposes, the next ones approve to the threshold. */
async function councilPassing(): Promise<{ proposer: Wallet; approvers: Wallet[] }> {
  const council = { address: fundAddress("TrusteeCouncil"), abi: trusteeCouncilAbi } as const;
  const [trustees, threshold] = await Promise.all([
    client.readContract({ ...council, functionName: "trustees" }),
    client.readContract({ ...council, functionName: "threshold" }),
  ]);
  const [proposer] = trustees;
  if (proposer === undefined || BigInt(trustees.length) < threshold)
    throw new Error("the council cannot pass");
  return {
    proposer: walletOf(proposer),
    approvers: trustees.slice(1, Number(threshold)).map((trustee) => walletOf(trustee)),
  };
}

/**
 * Proposes `kind` with `args` and approves it up to the threshold, leaving its execution to the test
 * (set-up only). Returns the proposal's id.
 */
export async function approvedProposal<K extends ActionKind>(kind: K, args: ActionArgs<K>): Promise<bigint> {
  return approveWith(
    client,
    { TrusteeCouncil: fundAddress("TrusteeCouncil") },
    await councilPassing(),
    kind,
    args,
  );
}

/**
 * Passes a council proposal (test set-up only) with the SDK's builders: the first trustee proposes,
 * the next ones approve until the threshold is met, the first executes. `args` is the routed call's
 * calldata without its selector. Returns the proposal's id.
 */
export async function passProposal(kind: ActionKind, args: Hex): Promise<bigint> {
  const { proposer, approvers } = await councilPassing();
  return passWith(
    client,
    { TrusteeCouncil: fundAddress("TrusteeCouncil") },
    { proposer, approvers, executor: proposer },
    kind,
    decodeActionArgs(kind, args),
  );
}

/** Mints test dollars (the demo's open-mint TestToken) to `to`, sent by `from`. */
export async function mintTestUsd(from: Address, to: Address, amount: bigint): Promise<void> {
  const mint = step({
    label: "Mint tUSD",
    address: fundAddress("TestToken"),
    abi: testTokenAbi,
    functionName: "mint",
    args: [to, amount],
  });
  await sendSteps(walletOf(from), client, [mint]);
}

/** The ABI of each contract of `npm start`'s deployment that the tests read, by deployment name. */
const deployedAbis = {
  CapitalPool: abis.capitalPool,
  FundShares: abis.shares,
  GrantRounds: abis.rounds,
  Offerings: abis.offerings,
  ReturnsRegistry: abis.registry,
  TestToken: abis.erc20,
  TrusteeCouncil: abis.council,
} as const;

/** The deployed contract `name` with typed reads over `client`: `fundContract("GrantRounds").read.application([id])`. */
export function fundContract<const N extends keyof typeof deployedAbis>(name: N) {
  return getContract({ address: fundAddress(name), abi: deployedAbis[name], client });
}
