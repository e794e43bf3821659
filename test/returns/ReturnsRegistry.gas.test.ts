import { expect } from "chai";
import type { ContractTransactionResponse } from "ethers";

import {
  DAY,
  ETH,
  WHOLE_SHARE,
  commit,
  deployWallet,
  promiseTerms,
  signPromise,
  returnsNetwork,
} from "../helpers/returns.js";
import type { ReturnsSystem } from "../helpers/returns.js";

const { ethers, networkHelpers, system } = await returnsNetwork();

const REPORT_TARGET = 120_000n;
/** Calldata of a different period number or amount may cost a few dozen gas more or less. */
const CALLDATA_SLACK = 200n;

async function gasOf(tx: Promise<ContractTransactionResponse>): Promise<bigint> {
  const receipt = await (await tx).wait();
  if (!receipt) throw new Error("no receipt");
  return receipt.gasUsed;
}

/** Two holders, a token-holding company with one-day periods, and each asset paid in once already. */
async function steadyState(): Promise<ReturnsSystem> {
  const base = await system();
  const { registry, shares, token, minter, holders, outsider, companySigner } = base;
  await shares.connect(minter).mint(holders[0].address, 10n * WHOLE_SHARE);
  await shares.connect(minter).mint(holders[1].address, 5n * WHOLE_SHARE);
  await registry.connect(outsider).donate(ETH, 1_000n, ethers.ZeroHash, { value: 1_000n });
  await token.mint(outsider.address, 1_000n);
  await token.connect(outsider).approve(await registry.getAddress(), 1_000n);
  await registry.connect(outsider).donate(await token.getAddress(), 1_000n, ethers.ZeroHash);
  await token.mint(companySigner.address, 10n ** 24n);
  await token.connect(companySigner).approve(await registry.getAddress(), 10n ** 24n);
  return base;
}

describe("ReturnsRegistry — gas", function () {
  it("reports and pays a period within 120,000 gas, whatever the companies, commitments, periods and holders", async function () {
    const { registry, token, shares, minter, companyAdmin, companySigner, companyId, start } =
      await networkHelpers.loadFixture(steadyState);
    const asset = await token.getAddress();
    const first = promiseTerms(companyId, start, { periodLength: DAY, periods: 100n, nonce: 1n });
    const firstId = await commit(registry, companyAdmin, first);
    await networkHelpers.time.increaseTo(start + 60n * DAY);

    const report = (id: bigint, period: bigint, inToken: boolean) =>
      gasOf(
        registry
          .connect(companySigner)
          .reportReturns(id, period, inToken ? asset : ETH, 1_000_000n, ethers.id("evidence"), {
            value: inToken ? 0n : 50_000n,
          }),
      );
    const smallEth = await report(firstId, 0n, false);
    const smallToken = await report(firstId, 1n, true);

    // Grow every population: 20 more companies with a commitment each, 40 past periods, 20 more holders.
    for (let i = 0; i < 20; i++) {
      await registry.connect(companyAdmin).registerCompany(`Company ${i}`, "", companyAdmin.address);
      const terms = promiseTerms(await registry.companyCount(), start, { periodLength: DAY, periods: 100n });
      await commit(registry, companyAdmin, terms);
      await shares.connect(minter).mint(ethers.Wallet.createRandom().address, WHOLE_SHARE);
    }
    for (let period = 2n; period < 42n; period++) await report(firstId, period, period % 2n === 1n);
    const largeEth = await report(firstId, 42n, false);
    const largeToken = await report(firstId, 43n, true);

    for (const gas of [smallEth, smallToken, largeEth, largeToken])
      expect(gas <= REPORT_TARGET).to.equal(true);
    const spread = (left: bigint, right: bigint) => (left > right ? left - right : right - left);
    expect(spread(smallEth, largeEth) <= CALLDATA_SLACK, `ETH ${smallEth} vs ${largeEth}`).to.equal(true);
    expect(spread(smallToken, largeToken) <= CALLDATA_SLACK, `token ${smallToken} vs ${largeToken}`).to.equal(
      true,
    );
  });

  it("checks an ERC-1271 signature for a few thousand gas more than an ECDSA one", async function () {
    const { registry, companyAdmin, holders, companyId, start } =
      await networkHelpers.loadFixture(steadyState);
    const wallet = await deployWallet(ethers, holders[2]);
    const walletAddress = await wallet.getAddress();
    await registry.connect(companyAdmin).setCompanySigner(companyId, walletAddress, true);
    // Warm the commitment counter, then use nonces in fresh bitmap words for both.
    await commit(registry, companyAdmin, promiseTerms(companyId, start, { nonce: 0n }));

    const ecdsaTerms = promiseTerms(companyId, start, { nonce: 256n });
    const ecdsa = await gasOf(
      registry.submitCommitment(
        ecdsaTerms,
        companyAdmin.address,
        await signPromise(companyAdmin, registry, ecdsaTerms),
      ),
    );
    const walletTerms = promiseTerms(companyId, start, { nonce: 512n });
    const contractWallet = await gasOf(
      registry.submitCommitment(
        walletTerms,
        walletAddress,
        await signPromise(holders[2], registry, walletTerms),
      ),
    );
    expect(
      contractWallet > ecdsa && contractWallet - ecdsa < 10_000n,
      `${ecdsa} vs ${contractWallet}`,
    ).to.equal(true);
  });
});
