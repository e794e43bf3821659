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
  /** the last application (the only one unless `applications` > 1) */
  readonly applicationId: bigint;
  /** every application of the round, oldest first */
  readonly applicationIds: readonly bigint[];
  readonly applicationDeadline: bigint;
  readonly commitDeadline: bigint;
  readonly revealDeadline: bigint;
};

/**
 * Opens a round whose phases last `phase` seconds each, has `researcher` apply to it `applications`
 * times (paying `deposit` each), and moves chain time into its commit phase. Returns the round, the
 * applications and the deadlines.
 */
export async function roundInCommitPhase(
  researcher: Address,
  phase = 15n * 60n,
  { applications = 1, deposit = 0n }: { applications?: number; deposit?: bigint } = {},
): Promise<TestRound> {
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
        applicationDeposit: deposit,
      },
    ]),
  );
  const roundId = await client.readContract({
    address: rounds,
    abi: abis.rounds,
    functionName: "roundCount",
  });
  const applicationIds: bigint[] = [];
  for (let i = 0; i < applications; i++) {
    const uri = `ipfs://salts-test/round-${roundId}${i === 0 ? "" : `-${i}`}`;
    await sendSteps(
      researcher,
      submitApplication(
        { GrantRounds: rounds },
        {
          roundId,
          title: `Salts test ${i}`,
          uri,
          contentHash: keccak256(toHex(uri)),
          effortMonths: 6,
          stipendRequested: 0n,
          deposit,
        },
      ),
    );
    applicationIds.push(
      await client.readContract({ address: rounds, abi: abis.rounds, functionName: "applicationCount" }),
    );
  }
  const applicationId = applicationIds[applicationIds.length - 1] ?? 0n;
  await increaseTime(applicationDeadline - (await latestTimestamp()) + 1n);
  return { roundId, applicationId, applicationIds, applicationDeadline, commitDeadline, revealDeadline };
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
