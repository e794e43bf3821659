// The SDK seals estimates locally: the hash equals the contract's `sealEstimate` view, and committing
// through the SDK sends nothing that carries the estimate or the salt before the reveal.
import { expect } from "chai";
import { custom, createPublicClient, createWalletClient, pad, toHex, type Address, type Hex } from "viem";
import { hardhat } from "viem/chains";

import { commitEstimates, revealEstimates } from "@fef/sdk/actions/grants";
import { memorySaltStore } from "@fef/sdk/salts";
import { deriveSalt, estimateSaltTypedData } from "@fef/sdk/saltSecret";
import { newSalt, sealEstimate } from "@fef/sdk/seal";
import { sendSteps } from "@fef/sdk/steps";

import { account, connection, loadFund, roundInCommitPhase, time } from "../helpers/tasks.js";

/** viem clients over the test chain whose transport records the body of every JSON-RPC request. */
function recordingClients(trustee: Address) {
  const requests: string[] = [];
  const transport = custom({
    async request({ method, params }: { method: string; params?: unknown }) {
      requests.push(
        JSON.stringify({ method, params }, (_key, value: unknown) =>
          typeof value === "bigint" ? toHex(value) : value,
        ),
      );
      return connection.provider.request({ method, params: params as unknown[] | undefined });
    },
  });
  const client = createPublicClient({ chain: hardhat, transport });
  const wallet = createWalletClient({ chain: hardhat, transport, account: trustee });
  return { requests, client, wallet };
}

describe("SDK: estimates sealed locally", function () {
  it("computes the same sealed estimate as GrantRounds.sealEstimate for every kind of input", async function () {
    const fund = await loadFund();
    const { probes: first, debate: second } = await roundInCommitPhase(fund);
    const grantRounds = (await fund.rounds.getAddress()) as Address;
    const chainId = Number((await fund.rounds.runner?.provider?.getNetwork())?.chainId ?? 31337n);
    const cases: [number, bigint, number, number, bigint, Hex][] = [
      [0, first, 0, 0, 0n, pad("0x00", { size: 32 })],
      [1, first, 10_000, 1_200, 2n ** 128n - 1n, `0x${"ff".repeat(32)}`],
      [2, second, 1, 7, 1n, newSalt()],
      [3, second, 4_321, 24, 5n * 10n ** 17n, newSalt()],
      [4, 999n, 6_543, 13, 123_456_789n, newSalt()],
    ];
    for (const [index, applicationId, probabilityBps, effortMonths, stipend, salt] of cases) {
      const trustee = account(fund.trustees, index).address as Address;
      const values = { probabilityBps, effortMonths, stipend };
      expect(sealEstimate({ chainId, grantRounds, trustee, applicationId, ...values, salt })).to.equal(
        await fund.rounds.sealEstimate(trustee, applicationId, probabilityBps, effortMonths, stipend, salt),
      );
    }
    const base = { chainId, grantRounds, trustee: grantRounds, applicationId: 1n, salt: newSalt() };
    for (const bad of [
      { probabilityBps: 10_001, effortMonths: 1, stipend: 0n },
      { probabilityBps: 1, effortMonths: 1_201, stipend: 0n },
      { probabilityBps: 1, effortMonths: 1, stipend: 2n ** 128n },
    ])
      expect(() => sealEstimate({ ...base, ...bad })).to.throw(RangeError);
  });

  it("derives the same salt from the same wallet on any device, and a different one per application", async function () {
    const fund = await loadFund();
    const grantRounds = (await fund.rounds.getAddress()) as Address;
    const trustee = account(fund.trustees, 0).address as Address;
    const { wallet } = recordingClients(trustee);
    const sign = (typed: ReturnType<typeof estimateSaltTypedData>) => wallet.signTypedData(typed);
    const key = { chainId: hardhat.id, grantRounds, trustee, applicationId: 7n };
    const first = await deriveSalt(sign, key);
    expect(first).to.match(/^0x[0-9a-f]{64}$/);
    expect(await deriveSalt(sign, key), "deterministic (RFC 6979)").to.equal(first);
    expect(await deriveSalt(sign, { ...key, applicationId: 8n })).not.to.equal(first);
    const other = recordingClients(account(fund.trustees, 1).address as Address).wallet;
    expect(await deriveSalt((typed) => other.signTypedData(typed), key)).not.to.equal(first);
  });

  it("commits through the SDK without any request carrying an estimate or a salt, then reveals and counts", async function () {
    const fund = await loadFund();
    const { probes: first, debate: second, commitDeadline } = await roundInCommitPhase(fund);
    const trustee = account(fund.trustees, 0).address as Address;
    const grantRounds = (await fund.rounds.getAddress()) as Address;
    const { requests, client, wallet } = recordingClients(trustee);
    const store = memorySaltStore();
    const probabilityBps = 6_543;
    const salts = [newSalt(), newSalt()];

    const { steps, records } = await commitEstimates(client, { GrantRounds: grantRounds }, store, {
      chainId: hardhat.id,
      trustee,
      estimates: [first, second].map((applicationId, i) => ({
        applicationId,
        probabilityBps,
        effortMonths: 9,
        stipend: 0n,
        salt: salts[i],
      })),
    });
    expect(steps, "one transaction for the batch").to.have.length(1);
    for (const record of records)
      expect(store.get(record), "the salt is stored before anything is sent").to.deep.equal(record);
    await sendSteps(wallet, client, steps);
    const onChain = await fund.rounds.estimateOf(first, trustee);
    expect(onChain.sealedEstimate).to.equal(records[0]?.sealedEstimate);

    const estimateWord = pad(toHex(probabilityBps), { size: 32 }).slice(2);
    const beforeReveal = requests.map((body) => body.toLowerCase());
    expect(beforeReveal.length, "the commit went through the recorded transport").to.be.greaterThan(1);
    expect(beforeReveal.some((body) => body.includes("eth_sendtransaction"))).to.equal(true);
    for (const body of beforeReveal) {
      for (const salt of salts)
        expect(body, "a request before the reveal carries a salt").not.to.include(
          salt.slice(2).toLowerCase(),
        );
      expect(body, "a request before the reveal carries the estimate's encoding").not.to.include(
        estimateWord,
      );
    }

    await time.increaseTo(commitDeadline + 1);
    const keys = [first, second].map((applicationId) => ({
      chainId: hardhat.id,
      grantRounds,
      trustee,
      applicationId,
    }));
    const reveal = revealEstimates(store, keys);
    expect(reveal.steps).to.have.length(1);
    await sendSteps(wallet, client, reveal.steps);
    const counted = await fund.rounds.estimateOf(first, trustee);
    expect([counted.status, counted.probabilityBps, counted.effortMonths]).to.deep.equal([3n, 6543n, 9n]);
    // The check above could see them: the reveal itself carries both.
    const afterReveal = requests.slice(beforeReveal.length).join("\n").toLowerCase();
    expect(afterReveal).to.include(salts[0]?.slice(2).toLowerCase());
    expect(afterReveal).to.include(estimateWord);
  });

  it("refuses to replace a stored salt once its sealed estimate is on chain", async function () {
    const fund = await loadFund();
    const { probes: first } = await roundInCommitPhase(fund);
    const trustee = account(fund.trustees, 1).address as Address;
    const grantRounds = (await fund.rounds.getAddress()) as Address;
    const { client, wallet } = recordingClients(trustee);
    const store = memorySaltStore();
    const input = (probabilityBps: number) => ({
      chainId: hardhat.id,
      trustee,
      estimates: [{ applicationId: first, probabilityBps, effortMonths: 24, stipend: 0n }],
    });
    const { steps } = await commitEstimates(client, { GrantRounds: grantRounds }, store, input(100));
    await sendSteps(wallet, client, steps);
    let failure: unknown;
    try {
      await commitEstimates(client, { GrantRounds: grantRounds }, store, input(200));
    } catch (error) {
      failure = error;
    }
    expect(String(failure)).to.include("already committed");
    expect(store.list()).to.have.length(1);
  });
});
