import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { NetworkHelpers } from "@nomicfoundation/hardhat-network-helpers/types";
import { id, parseEther } from "ethers";
import type { Address } from "viem";

import { mutablePromiseTypes, promiseTypedData, type PromiseTerms } from "@fef/sdk/promise";

import type {
  CapitalPool,
  FundLens,
  FundShares,
  GrantRounds,
  Multicall3,
  Offerings,
  ReturnsRegistry,
  TestToken,
  TrusteeCouncil,
} from "../../types/ethers-contracts/index.js";
import { ActionKind, ETH, argsFor, at, bindSystem, handAdminToCouncil } from "./council.js";
import { deployLedger } from "./ledger.js";

export const DAY = 86_400n;
export const SHARE = 10n ** 18n;
export const THRESHOLD = 2;

/** A page of the lens: `limit` items from `offset`, oldest or newest first. */
export function page(offset: number, limit: number, newestFirst = false) {
  return { offset: BigInt(offset), limit: BigInt(limit), newestFirst };
}

export const NO_PAGE = page(0, 0);

export interface LensFund {
  trustees: HardhatEthersSigner[];
  researcher: HardhatEthersSigner;
  investor: HardhatEthersSigner;
  companyAdmin: HardhatEthersSigner;
  outsider: HardhatEthersSigner;
  council: TrusteeCouncil;
  shares: FundShares;
  pool: CapitalPool;
  grants: GrantRounds;
  offerings: Offerings;
  registry: ReturnsRegistry;
  token: TestToken;
  lens: FundLens;
  multicall: Multicall3;
}

/**
 * The real Fund wired as the deployment module wires it (2-of-3 council, ETH and a 6-decimal test
 * token as returns assets), with the lens deployed before `bindSystem` when `bind` is false.
 */
export async function deployLensFund(ethers: HardhatEthers, bind = true): Promise<LensFund> {
  const signers = await ethers.getSigners();
  const deployer = at(signers, 0);
  const trustees = signers.slice(1, 4);
  const council = await ethers.deployContract("TrusteeCouncil", [
    trustees.map((t) => t.address),
    THRESHOLD,
    14n * DAY,
    14n * DAY,
  ]);
  const { pool, shares } = await deployLedger(ethers, deployer);
  const grants = await ethers.deployContract("GrantRounds", [council, shares, pool]);
  const offerings = await ethers.deployContract("Offerings", [council, shares, pool]);
  const registry = await ethers.deployContract("ReturnsRegistry", [council, shares]);
  const token = await ethers.deployContract("TestToken", ["Test USD", "tUSD", 6]);

  await shares.addReturnsAsset(token);
  await shares.grantRole(await shares.MINTER_ROLE(), grants);
  await shares.grantRole(await shares.MINTER_ROLE(), offerings);
  await pool.grantRole(await pool.STIPEND_ROLE(), grants);
  await pool.grantRole(await pool.DEPOSITOR_ROLE(), offerings);
  await pool.grantRole(await pool.DEPOSITOR_ROLE(), grants);
  await handAdminToCouncil([shares, pool], council, deployer);

  const lens = await ethers.deployContract("FundLens", [council]);
  if (bind) {
    await bindSystem(council, { shares, grants, offerings, pool, registry });
  }
  const multicall = await ethers.deployContract("Multicall3");
  return {
    trustees,
    researcher: at(signers, 10),
    investor: at(signers, 11),
    companyAdmin: at(signers, 12),
    outsider: at(signers, 19),
    ...{ council, shares, pool, grants, offerings, registry, token, lens, multicall },
  };
}

/** Passes a proposal with the first `THRESHOLD` trustees and executes it. */
export async function pass(fund: LensFund, kind: number, args: string): Promise<void> {
  const [first, second] = fund.trustees;
  if (!first || !second) throw new Error("two trustees needed");
  await fund.council.connect(first).propose(kind, args);
  const proposalId = await fund.council.proposalCount();
  await fund.council.connect(second).approve(proposalId);
  await fund.council.connect(fund.outsider).execute(proposalId);
}

export interface PopulatedFund extends LensFund {
  applicationId: bigint;
  commitment: string;
  pendingProposalId: bigint;
}

/**
 * A fund with something in every list: a round with one application (the first trustee committed an
 * estimate), an ETH offering whose investor claimed 100 shares and still has 40 pending in a second
 * offering, 1 ETH of returns distributed, a technique, a company and a signed commitment, and a
 * proposal with one approval.
 */
export async function populate(ethers: HardhatEthers, helpers: NetworkHelpers): Promise<PopulatedFund> {
  const fund = await deployLensFund(ethers);
  const { grants, offerings, registry, shares, council } = fund;
  const now = BigInt(await helpers.time.latest());

  const round = {
    sharePool: 1_000n * SHARE,
    applicationDeadline: now + DAY,
    commitDeadline: now + 2n * DAY,
    revealDeadline: now + 3n * DAY,
    vestingCliff: 0n,
    vestingDuration: 100n * DAY,
    stipendAsset: ETH,
    stipendBudget: 0n,
    applicationDeposit: 0n,
  };
  await pass(fund, ActionKind.OpenRound, argsFor(grants.interface, "openRound", [round]));
  await grants
    .connect(fund.researcher)
    .submitApplication(1n, "Interpretability probes", "ipfs://probes", id("probes"), 12, 0n);
  const applicationId = await grants.applicationCount();

  const offering = (start: bigint, end: bigint) => ({
    asset: ETH,
    pricePerShare: parseEther("0.01"),
    shareCap: 1_000n * SHARE,
    minShares: SHARE,
    start,
    end,
    allowlistRoot: `0x${"00".repeat(32)}`,
  });
  await pass(
    fund,
    ActionKind.OpenOffering,
    argsFor(offerings.interface, "openOffering", [offering(now, now + DAY / 2n)]),
  );
  await pass(
    fund,
    ActionKind.OpenOffering,
    argsFor(offerings.interface, "openOffering", [offering(now, now + 10n * DAY)]),
  );
  await offerings.connect(fund.investor).subscribe(1n, 100n * SHARE, [], { value: parseEther("1") });
  await offerings.connect(fund.investor).subscribe(2n, 40n * SHARE, [], { value: parseEther("0.4") });

  await helpers.time.increaseTo(now + DAY + 1n);
  await offerings.connect(fund.investor).claimShares(1n);
  await offerings.settleOffering(1n); // offering 2 stays open, its 0.4 ETH in escrow
  await shares.connect(fund.outsider).distribute(ETH, parseEther("1"), { value: parseEther("1") });

  const trustee = at(fund.trustees, 0);
  const commitment = await grants.sealEstimate(trustee.address, applicationId, 2_500, 12, 0n, id("salt"));
  await grants.connect(trustee).commitEstimates([applicationId], [commitment]);

  await pass(
    fund,
    ActionKind.RegisterTechnique,
    argsFor(registry.interface, "registerTechnique", [
      "Reward-model probes",
      "ipfs://technique",
      id("technique"),
      [applicationId],
    ]),
  );
  await registry
    .connect(fund.companyAdmin)
    .registerCompany("Northwind AI", "https://northwind.example", fund.companyAdmin.address);
  const start = BigInt(await helpers.time.latest());
  const terms = {
    companyId: 1n,
    techniqueIds: [1n],
    modelName: "Northwind-7",
    modelHash: id("northwind-7"),
    returnsShareBps: 500,
    start,
    end: start + 90n * DAY,
    periodLength: 30n * DAY,
    gracePeriod: 10n * DAY,
    nonce: 1n,
    deadline: start + DAY,
  };
  const { chainId } = await ethers.provider.getNetwork();
  const typed = promiseTypedData(chainId, (await registry.getAddress()) as Address, terms as PromiseTerms);
  const signature = await fund.companyAdmin.signTypedData(typed.domain, mutablePromiseTypes(), typed.message);
  await registry.connect(fund.outsider).submitCommitment(terms, fund.companyAdmin.address, signature);

  await council
    .connect(at(fund.trustees, 2))
    .propose(ActionKind.SetTransfersEnabled, argsFor(shares.interface, "setTransfersEnabled", [true]));
  const pendingProposalId = await council.proposalCount();
  return { ...fund, applicationId, commitment, pendingProposalId };
}
