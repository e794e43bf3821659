import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { ContractTransactionResponse } from "ethers";
import { network } from "hardhat";

import type { FundShares, GrantRounds, TrusteeCouncil } from "../../types/ethers-contracts/index.js";
import type { GasRow } from "./rows.js";

/**
 * Gas of the council and grant-round operations in rounds of 10, 100 and 1,000 applications, each
 * size on a fresh simulated network. Council: 5 trustees, M = 3. Every figure is the full
 * transaction's `gasUsed` of one typical call made after the round holds all its applications:
 * the last trustee's approval and the execution of a SetTransfersEnabled proposal, the last of five
 * commitments and reveals on the last application, the finalization of that application after all
 * others, and its researcher's share claims: the first one (which makes the researcher a ledger
 * holder) and a later one (the recurring "claim vested" operation).
 */

const SIZES = [10, 100, 1000] as const;
const TARGET = 80_000;
/** The stipend claim is held to the capital target of the offerings issue (≤ 90,000). */
const STIPEND_TARGET = 90_000;
const STIPEND_CAPITAL = 10n * 10n ** 18n;
const STIPEND_REQUEST = 2n * 10n ** 18n;
const DAY = 86_400n;
const ACTION_REMOVE_TRUSTEE = 1;
const ACTION_OPEN_ROUND = 3;
const ACTION_SET_SHARE_TRANSFERS = 6;
/** Enough for any filler transaction; fixing it skips a gas estimate per transaction. */
const FILLER_GAS_LIMIT = 400_000n;

function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item at ${index}`);
  return item;
}

export async function benchGrants(): Promise<GasRow[]> {
  const rows: GasRow[] = [];
  for (const size of SIZES) rows.push(...(await benchRound(size)));
  return rows;
}

interface Fund {
  council: TrusteeCouncil;
  grants: GrantRounds;
  shares: FundShares;
}

async function deployFund(
  ethers: HardhatEthers,
  deployer: HardhatEthersSigner,
  trustees: string[],
): Promise<Fund> {
  const council = await ethers.deployContract("TrusteeCouncil", [trustees, 3, 7n * DAY], deployer);
  const shares = await ethers.deployContract(
    "FundShares",
    ["Future Endowment Fund", "FEF", deployer.address],
    deployer,
  );
  const pool = await ethers.deployContract("CapitalPool", [deployer.address], deployer);
  const grants = await ethers.deployContract("GrantRounds", [council, shares, pool], deployer);
  // Offerings and the returns registry play no part here; any contract address binds.
  const placeholder = await ethers.deployContract("SystemCallRecorderMock", [], deployer);
  const admin = await shares.DEFAULT_ADMIN_ROLE();
  await shares.grantRole(await shares.MINTER_ROLE(), grants);
  await pool.grantRole(await pool.STIPEND_ROLE(), grants);
  // Investor capital for the stipends (the deployer stands in for the offerings contract).
  await pool.grantRole(await pool.DEPOSITOR_ROLE(), deployer);
  await pool.depositCapital(ethers.ZeroAddress, STIPEND_CAPITAL, 0n, {
    value: STIPEND_CAPITAL,
  });
  await shares.grantRole(admin, council);
  await shares.renounceRole(admin, deployer);
  await pool.grantRole(admin, council);
  await pool.renounceRole(admin, deployer);
  await council.bindSystem({
    shares: await shares.getAddress(),
    grantRounds: await grants.getAddress(),
    offerings: await placeholder.getAddress(),
    capitalPool: await pool.getAddress(),
    returnsRegistry: await placeholder.getAddress(),
  });
  return { council, grants, shares };
}

/** Sends `data` to `to` once per entry from `signer` without waiting for receipts (automine mines each). */
async function sendAll(signer: HardhatEthersSigner, to: string, calls: readonly string[]): Promise<void> {
  let nonce = await signer.getNonce();
  for (const data of calls) {
    await signer.sendTransaction({ to, data, nonce, gasLimit: FILLER_GAS_LIMIT });
    nonce += 1;
  }
}

async function gasOf(tx: Promise<ContractTransactionResponse>): Promise<number> {
  const receipt = await (await tx).wait();
  if (receipt === null) throw new Error("no receipt");
  return Number(receipt.gasUsed);
}

async function benchRound(size: number): Promise<GasRow[]> {
  const { ethers, networkHelpers } = await network.create();
  const { time } = networkHelpers;
  const signers = await ethers.getSigners();
  const deployer = at(signers, 0);
  const trustees = signers.slice(1, 6);
  const filler = at(signers, 10);
  const researcher = at(signers, 11);
  const fallbackResearcher = at(signers, 12);
  const executor = at(signers, 19);
  const { council, grants, shares } = await deployFund(
    ethers,
    deployer,
    trustees.map((t) => t.address),
  );
  const grantsAddress = await grants.getAddress();
  const coder = ethers.AbiCoder.defaultAbiCoder();

  // Open the round through the council.
  const now = BigInt(await time.latest());
  const params = {
    sharePool: 1_000_000n * 10n ** 18n,
    applicationDeadline: now + DAY,
    commitDeadline: now + 2n * DAY,
    revealDeadline: now + 3n * DAY,
    vestingCliff: 30n * DAY,
    vestingDuration: 360n * DAY,
    stipendAsset: ethers.ZeroAddress,
    stipendBudget: STIPEND_CAPITAL,
  };
  const openArgs = "0x" + grants.interface.encodeFunctionData("openRound", [params]).slice(10);
  await council.connect(at(trustees, 0)).propose(ACTION_OPEN_ROUND, openArgs);
  await council.connect(at(trustees, 1)).approve(1n);
  await council.connect(at(trustees, 2)).approve(1n);
  await council.connect(executor).execute(1n);
  const roundId = 1n;

  // size − 1 filler applications, then the measured one.
  const applyCalls = Array.from({ length: size - 1 }, (_, i) =>
    grants.interface.encodeFunctionData("submitApplication", [
      roundId,
      `ipfs://filler-${i}`,
      ethers.id(`filler-${i}`),
      6 + (i % 12),
      i === 0 ? STIPEND_REQUEST : 0n, // the funded filler asks for a stipend too (see below)
    ]),
  );
  await sendAll(filler, grantsAddress, applyCalls);
  await grants
    .connect(researcher)
    .submitApplication(roundId, "ipfs://measured", ethers.id("measured"), 24, STIPEND_REQUEST);
  const measured = BigInt(size);
  // The first filler is funded too and asks for a stipend, and it is finalized before the measured
  // application: the round's totals are not empty, and the measured finalize updates a non-zero
  // stipend total (its stipendRequestedBefore is not zero), the costlier case.
  const funded = 1n;
  // A second measured application, finalized after a trustee is removed (the fallback path).
  await grants
    .connect(fallbackResearcher)
    .submitApplication(roundId, "ipfs://fallback", ethers.id("fallback"), 24, STIPEND_REQUEST);
  const fallback = BigInt(size + 1);

  // Council operations on a round of this size.
  await council.connect(at(trustees, 0)).propose(ACTION_SET_SHARE_TRANSFERS, coder.encode(["bool"], [true]));
  const proposalId = await council.proposalCount();
  await council.connect(at(trustees, 1)).approve(proposalId);
  const approveGas = await gasOf(council.connect(at(trustees, 2)).approve(proposalId));
  const executeGas = await gasOf(council.connect(executor).execute(proposalId));

  // Estimates: five trustees on the measured application, three on the funded filler.
  const estimates = [6000, 6500, 7000, 5500, 9000];
  const salt = (trustee: string, applicationId: bigint) => ethers.id(`${trustee}:${applicationId}`);
  await time.increaseTo(params.applicationDeadline);
  // Trustees 1–3 estimate every application; trustees 4 and 5 skip the funded filler.
  const estimatedBy = (i: number) => (i < 3 ? [funded, measured, fallback] : [measured, fallback]);
  // Commits, reveals: the most any one of them used (the first reveal also reads the council).
  let commitGas = 0;
  for (const [i, trustee] of trustees.entries()) {
    for (const applicationId of estimatedBy(i)) {
      const commitment = await grants.sealEstimate(
        trustee.address,
        applicationId,
        at(estimates, i),
        salt(trustee.address, applicationId),
      );
      commitGas = Math.max(
        commitGas,
        await gasOf(grants.connect(trustee).commitEstimate(applicationId, commitment)),
      );
    }
  }
  await time.increaseTo(params.commitDeadline);
  let revealGas = 0;
  for (const [i, trustee] of trustees.entries()) {
    for (const applicationId of estimatedBy(i)) {
      const gas = await gasOf(
        grants
          .connect(trustee)
          .revealEstimate(applicationId, at(estimates, i), salt(trustee.address, applicationId)),
      );
      revealGas = Math.max(revealGas, gas);
    }
  }

  // Finalize everything else, then the measured application; settle.
  await time.increaseTo(params.revealDeadline);
  const finalizeCalls = Array.from({ length: size - 1 }, (_, i) =>
    grants.interface.encodeFunctionData("finalizeApplication", [BigInt(i + 1)]),
  );
  await sendAll(filler, grantsAddress, finalizeCalls);
  const finalizeGas = await gasOf(grants.connect(executor).finalizeApplication(measured));
  // The council removes a trustee; the fallback application's reveal book is no longer trusted, so
  // finalizing it reads the current trustees' own records.
  await council
    .connect(at(trustees, 0))
    .propose(ACTION_REMOVE_TRUSTEE, coder.encode(["address"], [at(trustees, 4).address]));
  const removalId = await council.proposalCount();
  await council.connect(at(trustees, 1)).approve(removalId);
  await council.connect(at(trustees, 2)).approve(removalId);
  await council.connect(executor).execute(removalId);
  const fallbackFinalizeGas = await gasOf(grants.connect(executor).finalizeApplication(fallback));
  await grants.connect(executor).settleRound(roundId);
  const { settledAt } = await grants.round(roundId);

  // Share claims: the funded filler's researcher claims first, so the ledger already has supply;
  // then the measured researcher's first claim (a new ledger holder) and a later one.
  await time.increaseTo(settledAt + 60n * DAY);
  await grants.connect(filler).claimShares(funded);
  const firstClaimGas = await gasOf(grants.connect(researcher).claimShares(measured));
  await time.increaseTo(settledAt + 120n * DAY);
  const holders = Number(await shares.holderCount());
  const laterClaimGas = await gasOf(grants.connect(researcher).claimShares(measured));
  // Stipend claims from the capital pool, as the researcher makes them (claimStipend → pool.payStipend).
  const firstStipendGas = await gasOf(grants.connect(researcher).claimStipend(measured));
  await time.increaseTo(settledAt + 180n * DAY);
  const laterStipendGas = await gasOf(grants.connect(researcher).claimStipend(measured));

  const row = (op: string, gas: number, target?: number): GasRow => ({
    op,
    holders,
    gas,
    dimension: "applications",
    size,
    ...(target === undefined ? {} : { target }),
  });
  return [
    row("council.approve", approveGas, TARGET),
    row("council.execute(SetTransfersEnabled)", executeGas),
    row("commitEstimate", commitGas, TARGET),
    row("revealEstimate", revealGas, TARGET),
    row("finalizeApplication (5 trustees)", finalizeGas, TARGET),
    // Only after a trustee removal during the round: reads every current trustee's record. No target.
    row("finalizeApplication (after a trustee removal, 4 trustees)", fallbackFinalizeGas),
    // The first claim pays the ledger's new-holder bookkeeping (balance and holder set); no target.
    row("claimShares (first claim, new holder)", firstClaimGas),
    row("claimShares (later claim)", laterClaimGas, TARGET),
    row("claimStipend (ETH, first claim)", firstStipendGas, STIPEND_TARGET),
    row("claimStipend (ETH, later claim)", laterStipendGas, STIPEND_TARGET),
  ];
}
