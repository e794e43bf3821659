import { expect } from "chai";
import { network } from "hardhat";
import { createPublicClient, custom, hashTypedData, type Address, type PublicClient } from "viem";

import { executeProposal, proposeAction } from "@fef/sdk/actions/council";
import { registerCompany, reportReturns, returnsDue, submitCommitment } from "@fef/sdk/actions/returns";
import { mutablePromiseTypes, promiseDomain, promiseTypedData, type PromiseTerms } from "@fef/sdk/promise";

import { expectSignatureRefused } from "../helpers/returns.js";
import { ERC1271_MAGIC_VALUE } from "../helpers/safe.js";
import { callOf, deploySafeFund, only, sendFrom, type SafeFund } from "../helpers/safeFund.js";

const connection = await network.create();
const { networkHelpers, ethers } = connection;
const client = createPublicClient({ transport: custom(connection.provider) }) as PublicClient;

const ETH: Address = "0x0000000000000000000000000000000000000000";
const DAY = 86_400n;

interface Company {
  system: SafeFund;
  companyId: bigint;
  terms: PromiseTerms;
  /** the EIP-712 digest of `terms` under the registry's domain */
  digest: `0x${string}`;
}

/**
 * The Fund (with a technique the council registered) and a company registered by a 2-of-3 Safe as
 * its admin, the Safe funded with 10 ETH; `terms` are a Promise the company is about to sign.
 */
async function safeCompany(): Promise<Company> {
  const system = await deploySafeFund(connection);
  const { fund, trustees, safe, owners, registry } = system;

  await sendFrom(
    trustees[0],
    only(
      proposeAction(fund, "RegisterTechnique", [
        "Debate",
        "ipfs://debate",
        ethers.id("debate") as `0x${string}`,
        [],
      ]),
    ),
  );
  const proposalId = await system.council.proposalCount();
  await system.council.connect(trustees[1]).approve(proposalId);
  await sendFrom(trustees[1], only(executeProposal(fund, proposalId)));

  // The Safe registers its own company: it is the admin, so it signs and reports.
  const admin = safe.address as Address;
  await safe.execute(
    callOf(only(registerCompany(fund, { name: "Acme AI", uri: "https://acme.example", admin }))),
    [owners[0], owners[1]],
    owners[0],
  );
  await owners[2].sendTransaction({ to: safe.address, value: ethers.parseEther("10") });

  const start = BigInt(await networkHelpers.time.latest()) + DAY;
  const terms: PromiseTerms = {
    companyId: await registry.companyCount(),
    techniqueIds: [1n],
    modelName: "Aligned-7B",
    modelHash: ethers.id("Aligned-7B weights") as `0x${string}`,
    returnsShareBps: 500,
    start,
    end: start + 4n * 30n * DAY,
    periodLength: 30n * DAY,
    gracePeriod: 7n * DAY,
    nonce: 1n,
    deadline: start + 30n * DAY,
  };
  const digest = hashTypedData(promiseTypedData(system.chainId, fund.ReturnsRegistry, terms));
  return { system, companyId: terms.companyId, terms, digest };
}

/** The terms in ethers' argument shape (a mutable array of technique ids). */
function mutable(terms: PromiseTerms) {
  return { ...terms, techniqueIds: [...terms.techniqueIds] };
}

describe("A Safe 1.4.1 as a company signer", () => {
  it("signs a Promise (ERC-1271 through the compatibility fallback handler), then reports and pays", async () => {
    const { system, companyId, terms, digest } = await networkHelpers.loadFixture(safeCompany);
    const { safe, owners, registry, fund, outsider } = system;
    expect(await registry.isCompanySigner(companyId, safe.address)).to.equal(true);
    expect(await registry.commitmentDigest(mutable(terms))).to.equal(digest);

    // Two owners sign the Safe message wrapping the Promise's digest; the Safe vouches for it.
    const signature = await safe.signHash(digest, [owners[1], owners[2]]);
    expect(await safe.isValidSignature(digest, signature)).to.equal(ERC1271_MAGIC_VALUE);

    // Anyone may submit the signed Promise.
    await sendFrom(
      outsider,
      only(submitCommitment(fund, { terms, signer: safe.address as Address, signature })),
    );
    const commitmentId = await registry.commitmentCount();
    const commitment = await registry.commitment(commitmentId);
    expect(commitment.signer).to.equal(safe.address);
    expect(commitment.companyId).to.equal(companyId);

    // After the first period, the Safe reports its gross returns and pays the Fund's share in ETH.
    await networkHelpers.time.increaseTo(terms.start + terms.periodLength);
    const grossReturns = ethers.parseEther("20");
    const steps = await reportReturns(client, fund, {
      payer: safe.address as Address,
      commitmentId,
      period: 0n,
      asset: ETH,
      grossReturns,
      evidenceHash: ethers.id("audited statement, period 0") as `0x${string}`,
    });
    const due = returnsDue(grossReturns, terms.returnsShareBps);
    expect(due).to.equal(ethers.parseEther("1"));
    const balances = () =>
      Promise.all([ethers.provider.getBalance(safe.address), ethers.provider.getBalance(fund.FundShares)]);
    const [safeBefore, sharesBefore] = await balances();
    await safe.execute(callOf(only(steps)), [owners[0], owners[2]], owners[0]);
    const [safeAfter, sharesAfter] = await balances();
    expect(safeBefore - safeAfter).to.equal(due);
    expect(sharesAfter - sharesBefore).to.equal(due);
    expect((await registry.commitment(commitmentId)).reportedCount).to.equal(1n);
    expect(await registry.totalPaid(ETH)).to.equal(due);
    const compliance = await registry.compliance(commitmentId);
    expect(compliance.periodsReported).to.equal(1n);
    expect(compliance.delinquent).to.equal(false);
  });

  it("refuses a Promise signed by one owner only (below the Safe's threshold)", async () => {
    const { system, terms, digest } = await networkHelpers.loadFixture(safeCompany);
    const { safe, owners, registry, outsider } = system;
    const signature = await safe.signHash(digest, [owners[0]]);
    // The Safe itself refuses (GS020) …
    await expect(safe.isValidSignature(digest, signature)).to.be.revertedWith("GS020");
    // … so the registry does not accept it, and records nothing.
    await expectSignatureRefused(registry.connect(outsider), mutable(terms), safe.address, signature);
    expect(await registry.commitmentCount()).to.equal(0n);
  });

  it("refuses the Safe's signature of other terms: a changed returns share does not verify", async () => {
    const { system, terms, digest } = await networkHelpers.loadFixture(safeCompany);
    const { safe, owners, registry, outsider } = system;
    const signature = await safe.signHash(digest, [owners[0], owners[1]]);
    const lowered = { ...terms, returnsShareBps: 100 };
    await expectSignatureRefused(registry.connect(outsider), mutable(lowered), safe.address, signature);
    expect(await registry.commitmentCount()).to.equal(0n);
  });

  it("refuses a Safe owner signing for the company alone: the Safe is the signer, not its owners", async () => {
    const { system, terms, digest } = await networkHelpers.loadFixture(safeCompany);
    const { owners, registry, outsider, fund } = system;
    const owner = owners[0];
    const signature = await owner.signTypedData(
      promiseDomain(system.chainId, fund.ReturnsRegistry),
      mutablePromiseTypes(),
      mutable(terms),
    );
    // A valid ECDSA signature of exactly these terms, by an owner …
    expect(ethers.recoverAddress(digest, signature)).to.equal(owner.address);
    // … is not the company's: only the Safe signs for it.
    await expect(registry.connect(outsider).submitCommitment(mutable(terms), owner.address, signature))
      .to.be.revertedWithCustomError(registry, "ReturnsRegistryNotCompanySigner")
      .withArgs(terms.companyId, owner.address);
  });
});
