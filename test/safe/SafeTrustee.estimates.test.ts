import { expect } from "chai";
import { ZeroHash } from "ethers";
import { network } from "hardhat";

import { executeProposal, proposeAction } from "@fef/sdk/actions/council";
import {
  commitEstimates,
  finalizeApplications,
  revealEstimates,
  submitApplication,
} from "@fef/sdk/actions/grants";
import { deriveSaltFromSecret, newSaltSecret } from "@fef/sdk/saltSecret";
import { EstimateStatus } from "@fef/sdk/status";
import { exportSalts, importSalts, memorySaltStore, saltRecord, type SaltKey } from "@fef/sdk/salts";
import { createPublicClient, custom, type Address, type PublicClient } from "viem";

import { DAY } from "../helpers/grants.js";
import { callOf, deploySafeFund, only, sendFrom, type SafeFund } from "../helpers/safeFund.js";

const connection = await network.create();
const { networkHelpers, ethers } = connection;

/** A viem client over the test network, for the SDK's builders (they read sealed estimates). */
const client = createPublicClient({ transport: custom(connection.provider) }) as PublicClient;

const ESTIMATE = { safe: 4_000, t1: 6_000 };
/** The Safe's effort and stipend estimates (the application declares 12 months, no stipend). */
const VALUES = { effortMonths: 10, stipend: 0n };

interface Round {
  system: SafeFund;
  applicationId: bigint;
  commitDeadline: bigint;
  revealDeadline: bigint;
}

/** The Fund with a Safe trustee, a round opened by the council and one application in it, in its commit phase. */
async function roundInCommitPhase(): Promise<Round> {
  const system = await deploySafeFund(connection);
  const { fund, trustees, researcher, grants } = system;
  const now = BigInt(await networkHelpers.time.latest());
  const params = {
    sharePool: 1_000n * 10n ** 18n,
    applicationDeadline: now + DAY,
    commitDeadline: now + 2n * DAY,
    revealDeadline: now + 3n * DAY,
    vestingCliff: 0n,
    vestingDuration: 30n * DAY,
    stipendAsset: "0x0000000000000000000000000000000000000000" as Address,
    stipendBudget: 0n,
    applicationDeposit: 0n,
  };
  await sendFrom(trustees[0], only(proposeAction(fund, "OpenRound", [params])));
  const proposalId = await system.council.proposalCount();
  await trustees[1].sendTransaction(await system.council.approve.populateTransaction(proposalId));
  await sendFrom(trustees[1], only(executeProposal(fund, proposalId)));
  const roundId = await grants.roundCount();

  await sendFrom(
    researcher,
    only(
      submitApplication(fund, {
        roundId,
        title: "Debate",
        uri: "ipfs://debate",
        contentHash: ethers.id("debate") as `0x${string}`,
        effortMonths: 12,
        stipendRequested: 0n,
        deposit: 0n,
      }),
    ),
  );
  await networkHelpers.time.increaseTo(params.applicationDeadline);
  return {
    system,
    applicationId: await grants.applicationCount(),
    commitDeadline: params.commitDeadline,
    revealDeadline: params.revealDeadline,
  };
}

function keyOf(round: Round, trustee: string): SaltKey {
  return {
    chainId: round.system.chainId,
    grantRounds: round.system.fund.GrantRounds,
    trustee: trustee as Address,
    applicationId: round.applicationId,
  };
}

/** Trustee t1 (a plain account) commits and, later, reveals its own estimate: the quorum (M = 2) needs it. */
async function t1Commits(round: Round) {
  const { system } = round;
  const store = memorySaltStore();
  const t1 = system.trustees[0];
  const input = {
    chainId: system.chainId,
    trustee: t1.address as Address,
    applicationId: round.applicationId,
  };
  const { steps } = await commitEstimates(client, system.fund, store, {
    chainId: input.chainId,
    trustee: input.trustee,
    estimates: [{ applicationId: input.applicationId, probabilityBps: ESTIMATE.t1, ...VALUES }],
  });
  await sendFrom(t1, only(steps));
  return () => sendFrom(t1, only(revealEstimates(store, [keyOf(round, t1.address)]).steps));
}

describe("A Safe 1.4.1 as a trustee: sealed estimates", () => {
  it("commits with a salt derived from the owners' salt secret; another owner, with nothing from the first, reveals", async () => {
    const round = await networkHelpers.loadFixture(roundInCommitPhase);
    const { system, applicationId } = round;
    const { safe, owners, grants, fund } = system;
    const [o1, o2, o3] = owners;
    const secret = newSaltSecret(); // shared once among the Safe's owners, like its owner list
    const key = keyOf(round, safe.address);

    // Owner 1 prepares the commit: the salt comes from the secret; the record stays on owner 1's machine.
    const o1Store = memorySaltStore();
    const { steps, records } = await commitEstimates(client, fund, o1Store, {
      chainId: system.chainId,
      trustee: key.trustee,
      estimates: [
        { applicationId, probabilityBps: ESTIMATE.safe, ...VALUES, salt: deriveSaltFromSecret(secret, key) },
      ],
    });
    await safe.execute(callOf(only(steps)), [o1, o2], o1);
    const revealT1 = await t1Commits(round);
    const { sealedEstimate: sealed, status } = await grants.estimateOf(applicationId, safe.address);
    expect(status).to.equal(BigInt(EstimateStatus.Committed));
    expect(sealed).to.equal(records[0]?.sealedEstimate);

    // Owner 3 never saw owner 1's store: from the secret and the estimate the owners agreed on, it
    // rebuilds the record, checks it against the chain, and reveals through the Safe.
    await networkHelpers.time.increaseTo(round.commitDeadline);
    const rebuilt = saltRecord({
      ...key,
      probabilityBps: ESTIMATE.safe,
      ...VALUES,
      salt: deriveSaltFromSecret(secret, key),
    });
    expect(rebuilt.sealedEstimate).to.equal(sealed);
    const o3Store = memorySaltStore([rebuilt]);
    await safe.execute(callOf(only(revealEstimates(o3Store, [key]).steps)), [o2, o3], o3);
    await revealT1();

    const revealed = await grants.estimateOf(applicationId, safe.address);
    expect(revealed.status).to.equal(BigInt(EstimateStatus.Revealed));
    expect(revealed.probabilityBps).to.equal(BigInt(ESTIMATE.safe));
    expect(revealed.effortMonths).to.equal(BigInt(VALUES.effortMonths));

    // The Safe's estimate counts toward the medians and the quorum like any trustee's.
    await networkHelpers.time.increaseTo(round.revealDeadline);
    await sendFrom(system.outsider, only(finalizeApplications(fund, [applicationId])));
    const application = await grants.application(applicationId);
    expect(application.revealedCount).to.equal(2n);
    expect(application.medianProbabilityBps).to.equal(BigInt((ESTIMATE.safe + ESTIMATE.t1) / 2));
  });

  it("reveals from the salt export document the committing owner shared", async () => {
    const round = await networkHelpers.loadFixture(roundInCommitPhase);
    const { system, applicationId } = round;
    const { safe, owners, grants, fund } = system;
    const [o1, o2, o3] = owners;
    const key = keyOf(round, safe.address);

    const o1Store = memorySaltStore();
    const { steps } = await commitEstimates(client, fund, o1Store, {
      chainId: system.chainId,
      trustee: key.trustee,
      estimates: [{ applicationId, probabilityBps: ESTIMATE.safe, ...VALUES }],
    });
    await safe.execute(callOf(only(steps)), [o1, o3], o3);
    const shared = exportSalts(o1Store);

    await networkHelpers.time.increaseTo(round.commitDeadline);
    const o2Store = memorySaltStore();
    expect(importSalts(o2Store, shared)).to.deep.equal({ added: 1, unchanged: 0 });
    await safe.execute(callOf(only(revealEstimates(o2Store, [key]).steps)), [o2, o3], o2);
    const revealed = await grants.estimateOf(applicationId, safe.address);
    expect([revealed.status, revealed.probabilityBps]).to.deep.equal([
      BigInt(EstimateStatus.Revealed),
      BigInt(ESTIMATE.safe),
    ]);
  });

  it("refuses a reveal with a salt from another secret: the estimate stays sealed", async () => {
    const round = await networkHelpers.loadFixture(roundInCommitPhase);
    const { system, applicationId } = round;
    const { safe, owners, grants, fund } = system;
    const [o1, o2] = owners;
    const key = keyOf(round, safe.address);
    const secret = newSaltSecret();
    const { steps } = await commitEstimates(client, fund, memorySaltStore(), {
      chainId: system.chainId,
      trustee: key.trustee,
      estimates: [
        { applicationId, probabilityBps: ESTIMATE.safe, ...VALUES, salt: deriveSaltFromSecret(secret, key) },
      ],
    });
    await safe.execute(callOf(only(steps)), [o1, o2], o1);

    await networkHelpers.time.increaseTo(round.commitDeadline);
    const wrong = saltRecord({
      ...key,
      probabilityBps: ESTIMATE.safe,
      ...VALUES,
      salt: deriveSaltFromSecret(newSaltSecret(), key),
    });
    // The Safe's inner call reverts with GrantRoundsSealMismatch; Safe 1.4.1 reports it as GS013.
    await expect(
      safe.execute(callOf(only(revealEstimates(memorySaltStore([wrong]), [key]).steps)), [o1, o2], o1),
    ).to.be.revertedWith("GS013");
    const { sealedEstimate, status } = await grants.estimateOf(applicationId, safe.address);
    expect(sealedEstimate).to.not.equal(ZeroHash);
    expect(status).to.equal(BigInt(EstimateStatus.Committed));
  });

  it("derives different salts for different trustees, applications, contracts and chains", () => {
    const secret = newSaltSecret();
    const base: SaltKey = {
      chainId: 1,
      grantRounds: "0x1111111111111111111111111111111111111111",
      trustee: "0x2222222222222222222222222222222222222222",
      applicationId: 1n,
    };
    const variants: SaltKey[] = [
      base,
      { ...base, chainId: 8453 },
      { ...base, grantRounds: "0x3333333333333333333333333333333333333333" },
      { ...base, trustee: "0x4444444444444444444444444444444444444444" },
      { ...base, applicationId: 2n },
    ];
    const salts = new Set(variants.map((key) => deriveSaltFromSecret(secret, key)));
    expect(salts.size).to.equal(variants.length);
    expect(deriveSaltFromSecret(secret, base)).to.equal(deriveSaltFromSecret(secret, { ...base }));
    expect(() => deriveSaltFromSecret("0x1234", base)).to.throw(TypeError);
  });
});
