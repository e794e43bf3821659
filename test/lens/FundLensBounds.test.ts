import { expect } from "chai";
import { type HDNodeWallet, id, parseEther, Wallet } from "ethers";
import { network } from "hardhat";
import type { Address } from "viem";

import { mutablePromiseTypes, promiseTypedData, type PromiseTerms } from "@fef/sdk/promise";

import { ActionKind, ETH, argsFor, at } from "../helpers/council.js";
import { DAY, SHARE, deployLensFund, page, pass } from "../helpers/lens.js";

const { ethers, networkHelpers } = await network.create();
const FULL = 100;
const SNAPSHOT_GAS_LIMIT = 10_000_000n;

/** A string of exactly `length` bytes. */
const sized = (prefix: string, length: number) => (prefix + "x".repeat(length)).slice(0, length);

/**
 * Every list of the snapshot at a full page (100) of items whose strings and id lists are as long as the
 * contracts allow: application URIs of 256 bytes, technique titles of 128 and URIs of 256 naming 32
 * applications, company names of 128 and URIs of 256, commitments with 128-byte model names naming 32
 * techniques, 100 rounds, offerings, holders and proposals; the viewer is a trustee with a sealed
 * estimate on every application.
 */
async function fullPages() {
  const fund = await deployLensFund(ethers);
  const { grants, offerings, registry, council } = fund;
  const now = BigInt(await networkHelpers.time.latest());
  const round = {
    sharePool: 1_000n * SHARE,
    applicationDeadline: now + 30n * DAY,
    commitDeadline: now + 31n * DAY,
    revealDeadline: now + 32n * DAY,
    vestingCliff: 0n,
    vestingDuration: 100n * DAY,
    stipendAsset: ETH,
    stipendBudget: parseEther("1"),
    applicationDeposit: 0n,
  };
  for (let i = 0; i < FULL; i++) {
    await pass(fund, ActionKind.OpenRound, argsFor(grants.interface, "openRound", [round]));
  }
  const maxUri = Number(await grants.MAX_URI_LENGTH());
  const maxTitle = Number(await grants.MAX_TITLE_LENGTH());
  for (let i = 0; i < FULL; i++) {
    await grants
      .connect(fund.researcher)
      .submitApplication(
        1n,
        sized(`Application ${i} `, maxTitle),
        sized(`ipfs://application-${i}/`, maxUri),
        id(`a${i}`),
        1200,
        parseEther("1"),
      );
  }
  const offering = {
    asset: ETH,
    pricePerShare: parseEther("0.001"),
    shareCap: 1_000_000n * SHARE,
    minShares: 0n,
    start: now,
    end: now + 2n * DAY,
    allowlistRoot: `0x${"00".repeat(32)}`,
  };
  for (let i = 0; i < FULL; i++) {
    await pass(fund, ActionKind.OpenOffering, argsFor(offerings.interface, "openOffering", [offering]));
  }
  const holders: HDNodeWallet[] = [];
  for (let i = 0; i < FULL; i++) {
    const wallet = Wallet.createRandom().connect(ethers.provider);
    await networkHelpers.setBalance(wallet.address, parseEther("1"));
    await offerings.connect(wallet).subscribe(1n, SHARE, [], { value: parseEther("0.001") });
    holders.push(wallet);
  }
  const [nameMax, uriMax, appsMax] = [
    Number(await registry.MAX_NAME_LENGTH()),
    Number(await registry.MAX_URI_LENGTH()),
    Number(await registry.MAX_APPLICATIONS_PER_TECHNIQUE()),
  ];
  const applicationIds = Array.from({ length: appsMax }, (_, i) => BigInt(i + 1));
  for (let i = 0; i < FULL; i++) {
    await pass(
      fund,
      ActionKind.RegisterTechnique,
      argsFor(registry.interface, "registerTechnique", [
        sized(`Technique ${i} `, nameMax),
        sized(`ipfs://technique-${i}/`, uriMax),
        id(`t${i}`),
        applicationIds,
      ]),
    );
  }
  for (let i = 0; i < FULL; i++) {
    await registry
      .connect(fund.companyAdmin)
      .registerCompany(
        sized(`Company ${i} `, nameMax),
        sized(`https://c${i}.example/`, uriMax),
        fund.companyAdmin.address,
      );
  }
  const modelMax = Number(await registry.MAX_MODEL_NAME_LENGTH());
  const techniqueIds = Array.from(
    { length: Number(await registry.MAX_TECHNIQUES_PER_COMMITMENT()) },
    (_, i) => BigInt(i + 1),
  );
  const { chainId } = await ethers.provider.getNetwork();
  const start = BigInt(await networkHelpers.time.latest());
  for (let i = 0; i < FULL; i++) {
    const terms = {
      companyId: 1n,
      techniqueIds,
      modelName: sized(`Model ${i} `, modelMax),
      modelHash: id(`m${i}`),
      returnsShareBps: 500,
      start,
      end: start + 90n * DAY,
      periodLength: 30n * DAY,
      gracePeriod: 10n * DAY,
      nonce: BigInt(i),
      deadline: start + 10n * DAY,
    };
    const typed = promiseTypedData(chainId, (await registry.getAddress()) as Address, terms as PromiseTerms);
    const signature = await fund.companyAdmin.signTypedData(
      typed.domain,
      mutablePromiseTypes(),
      typed.message,
    );
    await registry.connect(fund.outsider).submitCommitment(terms, fund.companyAdmin.address, signature);
  }
  // Shares exist for every holder once the offering's window has closed.
  await networkHelpers.time.increaseTo(offering.end + 1n);
  for (const holder of holders) await offerings.connect(holder).claimShares(1n);
  // The viewer (a trustee) has a sealed estimate on every application: the most the row reads.
  const trustee = at(fund.trustees, 0);
  await networkHelpers.time.increaseTo(round.applicationDeadline + 1n);
  for (let batch = 0; batch < FULL / 50; batch++) {
    const ids = Array.from({ length: 50 }, (_, i) => BigInt(batch * 50 + i + 1));
    await grants.connect(trustee).commitEstimates(
      ids,
      ids.map((appId) => id(`sealed-${appId}`)),
    );
  }
  expect(await council.proposalCount()).to.be.greaterThanOrEqual(BigInt(FULL));
  return { ...fund, trustee };
}

describe("FundLens bounds", function () {
  it("reads a snapshot of full pages of maximum-size items for less than 10M gas", async function () {
    const fund = await networkHelpers.loadFixture(fullPages);
    const max = Number(await fund.lens.MAX_SNAPSHOT_PAGE());
    const full = page(0, max);
    const query = {
      viewer: fund.trustee.address,
      holders: full,
      rounds: full,
      applications: full,
      offerings: full,
      techniques: full,
      companies: full,
      commitments: full,
      proposals: full,
    };
    const snap = await fund.lens.snapshot(query);
    for (const list of [
      snap.holders,
      snap.rounds,
      snap.applications,
      snap.offerings,
      snap.techniques,
      snap.companies,
      snap.commitments,
      snap.proposals,
    ])
      expect(list).to.have.length(max);
    // The title is the only stored text of an application (its URI is in its event): 31 bytes each.
    expect(snap.applications.every((row) => row.application.title.length === 31)).to.equal(true);
    expect(snap.techniques.every((row) => row.technique.applicationIds.length === 16)).to.equal(true);
    expect(snap.commitments.every((row) => row.commitment.modelName.length === 128)).to.equal(true);
    const gas = await fund.lens.snapshot.estimateGas(query);
    expect(gas < SNAPSHOT_GAS_LIMIT, `snapshot gas ${gas}`).to.equal(true);
    await expect(fund.lens.snapshot({ ...query, techniques: page(0, max + 1) }))
      .to.be.revertedWithCustomError(fund.lens, "FundLensPageTooLarge")
      .withArgs(max + 1, max);
  });

  it("reads every single page of MAX_PAGE maximum-size items for less than 10M gas", async function () {
    const fund = await networkHelpers.loadFixture(fullPages);
    const full = page(0, FULL);
    const viewer = fund.trustee.address;
    const reads = [
      fund.lens.holdersPage.estimateGas(full),
      fund.lens.roundsPage.estimateGas(full),
      fund.lens.applicationsPage.estimateGas(full, viewer),
      fund.lens.offeringsPage.estimateGas(full, viewer),
      fund.lens.techniquesPage.estimateGas(full),
      fund.lens.companiesPage.estimateGas(full, viewer),
      fund.lens.commitmentsPage.estimateGas(full),
      fund.lens.proposalsPage.estimateGas(full),
    ];
    for (const gas of await Promise.all(reads))
      expect(gas < SNAPSHOT_GAS_LIMIT, `page gas ${gas}`).to.equal(true);
    expect(await fund.lens.applicationsPage(full, viewer)).to.have.length(FULL);
  });
});
