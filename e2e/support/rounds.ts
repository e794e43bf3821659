// Test set-up of a grant round of its own (so a test never depends on the seed's rounds or another
// test's time moves): the council opens it, a researcher applies, through the SDK's action builders.
import type { Address } from "viem";
import { encodeFunctionData, keccak256, toHex } from "viem";

import { encodeActionArgs } from "@fef/sdk/actionKinds";
import { submitApplication } from "@fef/sdk/actions/grants";
import { ETH_ADDRESS } from "@fef/sdk/assets";
import type { Step } from "@fef/sdk/steps";

import { abis, client, fundAddress, increaseTime, latestTimestamp, passProposal, sendAs } from "./chain.js";

const SHARE = 10n ** 18n;
const DAY = 86_400n;

/** Sends the steps of an SDK builder from an unlocked dev account (set-up only). */
export async function sendSteps(from: Address, steps: readonly Step[]): Promise<void> {
  for (const s of steps)
    await sendAs(
      from,
      s.address,
      encodeFunctionData({ abi: s.abi, functionName: s.functionName, args: s.args }),
      s.value ?? 0n,
    );
}

export type TestRound = {
  readonly roundId: bigint;
  readonly applicationId: bigint;
  readonly applicationDeadline: bigint;
  readonly commitDeadline: bigint;
  readonly revealDeadline: bigint;
};

/**
 * Opens a round whose phases last `phase` seconds each, has `researcher` apply to it, and moves chain
 * time into its commit phase. Returns the round, the application and the deadlines.
 */
export async function roundInCommitPhase(researcher: Address, phase = 15n * 60n): Promise<TestRound> {
  const rounds = fundAddress("GrantRounds");
  const now = await latestTimestamp();
  const applicationDeadline = now + phase;
  const commitDeadline = applicationDeadline + phase;
  const revealDeadline = commitDeadline + phase;
  await passProposal(
    "OpenRound",
    encodeActionArgs("OpenRound", [
      {
        sharePool: 1_000n * SHARE,
        applicationDeadline,
        commitDeadline,
        revealDeadline,
        vestingCliff: 0n,
        vestingDuration: 30n * DAY,
        stipendAsset: ETH_ADDRESS,
        stipendBudget: 0n,
        applicationDeposit: 0n,
      },
    ]),
  );
  const roundId = await client.readContract({
    address: rounds,
    abi: abis.rounds,
    functionName: "roundCount",
  });
  const uri = `ipfs://salts-test/round-${roundId}`;
  await sendSteps(
    researcher,
    submitApplication(
      { GrantRounds: rounds },
      {
        roundId,
        uri,
        contentHash: keccak256(toHex(uri)),
        effortMonths: 6,
        stipendRequested: 0n,
        deposit: 0n,
      },
    ),
  );
  const applicationId = await client.readContract({
    address: rounds,
    abi: abis.rounds,
    functionName: "applicationCount",
  });
  await increaseTime(applicationDeadline - (await latestTimestamp()) + 1n);
  return { roundId, applicationId, applicationDeadline, commitDeadline, revealDeadline };
}

/** Moves chain time past the round's commit deadline, into its reveal phase. */
export async function intoRevealPhase(round: TestRound): Promise<void> {
  await increaseTime(round.commitDeadline - (await latestTimestamp()) + 1n);
}

/** Where the trustee stands on an application on chain: its sealed estimate, or the revealed values. */
export async function estimateOnChain(applicationId: bigint, trustee: Address) {
  const view = await client.readContract({
    address: fundAddress("GrantRounds"),
    abi: abis.rounds,
    functionName: "estimateOf",
    args: [applicationId, trustee],
  });
  return {
    sealedEstimate: view.sealedEstimate,
    revealed: view.status === 3,
    probabilityBps: view.probabilityBps,
    effortMonths: view.effortMonths,
  };
}
