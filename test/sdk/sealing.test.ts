// The SDK seals estimates locally: the hash equals the contract's `sealEstimate` view, and committing
// through the SDK sends nothing that carries the estimate or the salt before the reveal.
import { expect } from "chai";
import { custom, createPublicClient, createWalletClient, pad, toHex, type Address, type Hex } from "viem";
import { hardhat } from "viem/chains";

import { commitEstimate, revealEstimate } from "@fef/sdk/actions/grants";
import { memorySaltStore } from "@fef/sdk/salts";
import { newSalt, sealEstimate } from "@fef/sdk/seal";
import { sendSteps } from "@fef/sdk/steps";

import { connection, loadTaskFund, roundInCommitPhase, time } from "../helpers/tasks.js";

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
    const fund = await loadTaskFund();
    const { probes: first, debate: second } = await roundInCommitPhase(fund);
    const grantRounds = (await fund.rounds.getAddress()) as Address;
    const chainId = Number((await fund.rounds.runner?.provider?.getNetwork())?.chainId ?? 31337n);
    const cases: [number, bigint, number, Hex][] = [
      [0, first, 0, pad("0x00", { size: 32 })],
      [1, first, 10_000, `0x${"ff".repeat(32)}`],
      [2, second, 1, newSalt()],
      [3, second, 4_321, newSalt()],
      [4, 999n, 6_543, newSalt()],
    ];
    for (const [index, applicationId, estimateBps, salt] of cases) {
      const trustee = fund.trustee(index).address as Address;
      expect(sealEstimate({ chainId, grantRounds, trustee, applicationId, estimateBps, salt })).to.equal(
        await fund.rounds.sealEstimate(trustee, applicationId, estimateBps, salt),
      );
    }
    expect(() =>
      sealEstimate({
        chainId,
        grantRounds,
        trustee: grantRounds,
        applicationId: 1n,
        estimateBps: 10_001,
        salt: newSalt(),
      }),
    ).to.throw(RangeError);
  });

  it("commits through the SDK without any request carrying the estimate or the salt, then reveals and counts", async function () {
    const fund = await loadTaskFund();
    const { probes: first, commitDeadline } = await roundInCommitPhase(fund);
    const trustee = fund.trustee(0).address as Address;
    const grantRounds = (await fund.rounds.getAddress()) as Address;
    const { requests, client, wallet } = recordingClients(trustee);
    const store = memorySaltStore();
    const estimateBps = 6_543;
    const salt = newSalt();

    const { steps, record } = await commitEstimate(client, { GrantRounds: grantRounds }, store, {
      chainId: hardhat.id,
      trustee,
      applicationId: first,
      estimateBps,
      salt,
    });
    expect(store.get(record), "the salt is stored before anything is sent").to.deep.equal(record);
    await sendSteps(wallet, client, steps);
    const [onChain] = await fund.rounds.sealedEstimateOf(first, trustee);
    expect(onChain).to.equal(record.sealedEstimate);

    const saltDigits = salt.slice(2).toLowerCase();
    const estimateWord = pad(toHex(estimateBps), { size: 32 }).slice(2);
    const beforeReveal = requests.map((body) => body.toLowerCase());
    expect(beforeReveal.length, "the commit went through the recorded transport").to.be.greaterThan(1);
    expect(beforeReveal.some((body) => body.includes("eth_sendtransaction"))).to.equal(true);
    for (const body of beforeReveal) {
      expect(body, "a request before the reveal carries the salt").not.to.include(saltDigits);
      expect(body, "a request before the reveal carries the estimate's encoding").not.to.include(
        estimateWord,
      );
    }

    await time.increaseTo(commitDeadline + 1);
    const reveal = revealEstimate(store, { chainId: hardhat.id, grantRounds, trustee, applicationId: first });
    await sendSteps(wallet, client, reveal.steps);
    const [revealed, counted] = await fund.rounds.estimateOf(first, trustee);
    expect(revealed).to.equal(true);
    expect(counted).to.equal(BigInt(estimateBps));
    // The check above could see them: the reveal itself carries both.
    const afterReveal = requests.slice(beforeReveal.length).join("\n").toLowerCase();
    expect(afterReveal).to.include(saltDigits);
    expect(afterReveal).to.include(estimateWord);
  });

  it("refuses to replace a stored salt once its sealed estimate is on chain", async function () {
    const fund = await loadTaskFund();
    const { probes: first } = await roundInCommitPhase(fund);
    const trustee = fund.trustee(1).address as Address;
    const grantRounds = (await fund.rounds.getAddress()) as Address;
    const { client, wallet } = recordingClients(trustee);
    const store = memorySaltStore();
    const input = { chainId: hardhat.id, trustee, applicationId: first, estimateBps: 100 };
    const { steps } = await commitEstimate(client, { GrantRounds: grantRounds }, store, input);
    await sendSteps(wallet, client, steps);
    let failure: unknown;
    try {
      await commitEstimate(client, { GrantRounds: grantRounds }, store, { ...input, estimateBps: 200 });
    } catch (error) {
      failure = error;
    }
    expect(String(failure)).to.include("already committed");
    expect(store.list()).to.have.length(1);
  });
});
