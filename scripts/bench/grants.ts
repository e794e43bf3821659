import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { ContractTransactionResponse } from "ethers";
import { network } from "hardhat";

import type { FundShares, GrantRounds, TrusteeCouncil } from "../../types/ethers-contracts/index.js";
import type { GasRow } from "./rows.js";

/**
 * Gas of the council and grant-round operations in rounds of 40, 100 and 1,000 applications, each
 * size on a fresh simulated network. Council: 5 trustees, M = 3. Every figure is a full
 * transaction's `gasUsed`, made after the round holds all its applications (the others are never
 * estimated: junk, as far as the round is concerned): the last trustee's approval and the execution
 * of a SetTransfersEnabled proposal; applying (with and without a stipend request, paying the
 * deposit); batched commits and reveals of 20 estimates (per estimate: the transaction's gas / 20),
 * by the first trustee (who marks each application estimated) and by the last; a batched
 * finalization of those 20 applications (per application), each asking for a stipend; settling;
 * a deposit refund; and the researchers' share and stipend claims.
 */

const SIZES = [40, 100, 1000] as const;
const BATCH = 20;
const TARGET = 80_000;
const APPLY_TARGET = 120_000;
const ESTIMATE_TARGET = 30_000;
const FINALIZE_TARGET = 60_000;
const DEPOSIT = 10n ** 15n;
/** The stipend claim is held to the capital target of the offerings issue (≤ 90,000). */
const STIPEND_TARGET = 90_000;
const STIPEND_CAPITAL = 10n * 10n ** 18n;
const STIPEND_REQUEST = 2n * 10n ** 18n;
const DAY = 86_400n;
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
  await pool.grantRole(await pool.DEPOSITOR_ROLE(), grants);
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
async function sendAll(
  signer: HardhatEthersSigner,
  to: string,
  calls: readonly string[],
  value = 0n,
): Promise<void> {
  let nonce = await signer.getNonce();
  for (const data of calls) {
    await signer.sendTransaction({ to, data, nonce, value, gasLimit: FILLER_GAS_LIMIT });
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
  const researchers = signers.slice(11, 19);
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
    applicationDeposit: DEPOSIT,
  };
  const openArgs = "0x" + grants.interface.encodeFunctionData("openRound", [params]).slice(10);
  await council.connect(at(trustees, 0)).propose(ACTION_OPEN_ROUND, openArgs);
  await council.connect(at(trustees, 1)).approve(1n);
  await council.connect(at(trustees, 2)).approve(1n);
  await council.connect(executor).execute(1n);
  const roundId = 1n;

  // size − 20 filler applications (nobody estimates them), then the 20 measured ones.
  const applyCalls = Array.from({ length: size - BATCH }, (_, i) =>
    grants.interface.encodeFunctionData("submitApplication", [
      roundId,
      `ipfs://filler-${i}`,
      ethers.id(`filler-${i}`),
      6 + (i % 12),
      0n,
    ]),
  );
  await sendAll(filler, grantsAddress, applyCalls, DEPOSIT);
  const measured: bigint[] = [];
  let applyGas = 0;
  let applyNoStipendGas = 0;
  for (let i = 0; i < BATCH; i++) {
    const researcher = at(researchers, i % researchers.length);
    // The last one asks for no stipend (fewer slots); the others do (the costlier case).
    const request = i === BATCH - 1 ? 0n : STIPEND_REQUEST;
    const gas = await gasOf(
      grants
        .connect(researcher)
        .submitApplication(roundId, `ipfs://measured-${i}`, ethers.id(`measured-${i}`), 24, request, {
          value: DEPOSIT,
        }),
    );
    if (request === 0n) applyNoStipendGas = gas;
    else applyGas = Math.max(applyGas, gas);
    measured.push(BigInt(size - BATCH + i + 1));
  }

  // Council operations on a round of this size.
  await council.connect(at(trustees, 0)).propose(ACTION_SET_SHARE_TRANSFERS, coder.encode(["bool"], [true]));
  const proposalId = await council.proposalCount();
  await council.connect(at(trustees, 1)).approve(proposalId);
  const approveGas = await gasOf(council.connect(at(trustees, 2)).approve(proposalId));
  const executeGas = await gasOf(council.connect(executor).execute(proposalId));

  // Estimates: every trustee seals its values for the 20 measured applications and commits them
  // in one batch, then reveals them in one batch.
  const { chainId } = await ethers.provider.getNetwork();
  const values = (i: number) => ({ probabilityBps: 5000 + 500 * i, effortMonths: 12 + i, stipend: STIPEND_REQUEST / 2n });
  const salt = (trustee: string, applicationId: bigint) => ethers.id(`${trustee}:${applicationId}`);
  const seal = (trustee: string, applicationId: bigint, i: number) =>
    ethers.keccak256(
      coder.encode(
        ["uint256", "address", "address", "uint256", "uint16", "uint32", "uint128", "bytes32"],
        [
          chainId,
          grantsAddress,
          trustee,
          applicationId,
          values(i).probabilityBps,
          values(i).effortMonths,
          values(i).stipend,
          salt(trustee, applicationId),
        ],
      ),
    );
  await time.increaseTo(params.applicationDeadline);
  const commitGas: number[] = [];
  for (const [i, trustee] of trustees.entries()) {
    const sealed = measured.map((id) => seal(trustee.address, id, i));
    commitGas.push(await gasOf(grants.connect(trustee).commitEstimates(measured, sealed)));
  }
  await time.increaseTo(params.commitDeadline);
  const revealGas: number[] = [];
  for (const [i, trustee] of trustees.entries()) {
    const reveals = measured.map((applicationId) => ({
      applicationId,
      ...values(i),
      salt: salt(trustee.address, applicationId),
    }));
    revealGas.push(await gasOf(grants.connect(trustee).revealEstimates(reveals)));
  }

  // Finalize the 20 estimated applications in one batch; the others need nothing. Settle.
  await time.increaseTo(params.revealDeadline);
  const finalizeGas = await gasOf(grants.connect(executor).finalizeApplications(measured));
  const settleGas = await gasOf(grants.connect(executor).settleRound(roundId));
  const { settledAt } = await grants.round(roundId);
  const first = at(measured, 0);
  const firstResearcher = at(researchers, 0);
  const refundGas = await gasOf(grants.connect(firstResearcher).refundDeposit(first));

  // Share claims: another researcher claims first, so the ledger already has supply; then the
  // measured researcher's first claim (a new ledger holder) and a later one.
  await time.increaseTo(settledAt + 60n * DAY);
  await grants.connect(at(researchers, 1)).claimShares(at(measured, 1));
  const firstClaimGas = await gasOf(grants.connect(firstResearcher).claimShares(first));
  await time.increaseTo(settledAt + 120n * DAY);
  const holders = Number(await shares.holderCount());
  const laterClaimGas = await gasOf(grants.connect(firstResearcher).claimShares(first));
  const firstStipendGas = await gasOf(grants.connect(firstResearcher).claimStipend(first));
  await time.increaseTo(settledAt + 180n * DAY);
  const laterStipendGas = await gasOf(grants.connect(firstResearcher).claimStipend(first));

  const row = (op: string, gas: number, target?: number): GasRow => ({
    op,
    holders,
    gas,
    dimension: "applications",
    size,
    ...(target === undefined ? {} : { target }),
  });
  const perItem = (gas: number) => Math.ceil(gas / BATCH);
  return [
    row("council.approve", approveGas, TARGET),
    row("council.execute(SetTransfersEnabled)", executeGas),
    row("submitApplication (stipend requested, deposit)", applyGas, APPLY_TARGET),
    row("submitApplication (no stipend, deposit)", applyNoStipendGas, APPLY_TARGET),
    row(`commitEstimates per estimate, batch of ${BATCH} (first trustee)`, perItem(at(commitGas, 0)), ESTIMATE_TARGET),
    row(`commitEstimates per estimate, batch of ${BATCH} (last trustee)`, perItem(at(commitGas, 4)), ESTIMATE_TARGET),
    row(`revealEstimates per estimate, batch of ${BATCH} (first trustee)`, perItem(at(revealGas, 0)), ESTIMATE_TARGET),
    row(`revealEstimates per estimate, batch of ${BATCH} (last trustee)`, perItem(at(revealGas, 4)), ESTIMATE_TARGET),
    row(`finalizeApplications per application, batch of ${BATCH} (5 trustees)`, perItem(finalizeGas), FINALIZE_TARGET),
    row("settleRound (deposits of the unestimated applications to the pool)", settleGas),
    row("refundDeposit", refundGas),
    // The first claim pays the ledger's new-holder bookkeeping (balance and holder set); no target.
    row("claimShares (first claim, new holder)", firstClaimGas),
    row("claimShares (later claim)", laterClaimGas, TARGET),
    row("claimStipend (ETH, first claim)", firstStipendGas, STIPEND_TARGET),
    row("claimStipend (ETH, later claim)", laterStipendGas, STIPEND_TARGET),
  ];
}
