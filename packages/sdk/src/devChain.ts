// The local demo chain only (chain id 31337): move chain time to the next phase, and mint the test
// token (tUSD) from its open faucet. Every function refuses any other chain.
import { createTestClient, http, publicActions, type Address } from "viem";

import { testTokenAbi } from "./generated/abis.ts";
import { formatDate } from "./format.ts";
import { step, type Step } from "./steps.ts";

/** The Hardhat node's chain id: the only chain these helpers act on. */
export const DEV_CHAIN_ID = 31337;

/** One moment ahead on chain time where something changes phase. */
export type PhaseMoment = { readonly at: bigint; readonly what: string };

type RoundTimes = {
  readonly id: bigint;
  readonly round: {
    readonly status: number;
    readonly params: {
      readonly applicationDeadline: bigint;
      readonly commitDeadline: bigint;
      readonly revealDeadline: bigint;
    };
  };
};
type OfferingTimes = {
  readonly id: bigint;
  readonly offering: {
    readonly closed: boolean;
    readonly params: { readonly start: bigint; readonly end: bigint };
  };
};

/**
 * The moments after `now` at which a round or offering changes phase, soonest first: applications
 * close, commits close, reveals close, an offering opens or closes. The dev panel moves time just past
 * the first one.
 */
export function upcomingPhases(
  rounds: readonly RoundTimes[],
  offerings: readonly OfferingTimes[],
  now: bigint,
): PhaseMoment[] {
  const moments: PhaseMoment[] = [];
  for (const r of rounds) {
    if (r.round.status !== 1) continue; // only open rounds (RoundStatus.Open) move on with time
    const p = r.round.params;
    moments.push(
      { at: p.applicationDeadline, what: `round #${r.id}: applications close, trustees commit estimates` },
      { at: p.commitDeadline, what: `round #${r.id}: commits close, trustees reveal estimates` },
      { at: p.revealDeadline, what: `round #${r.id}: reveals close, applications can be finalized` },
    );
  }
  for (const o of offerings) {
    if (o.offering.closed) continue;
    moments.push(
      { at: o.offering.params.start, what: `offering #${o.id} opens` },
      { at: o.offering.params.end, what: `offering #${o.id} closes` },
    );
  }
  return moments.filter((m) => m.at > now).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** The seconds to move forward to land just past `moment` (one second after it). */
export function secondsUntilPast(moment: PhaseMoment, now: bigint): bigint {
  return moment.at > now ? moment.at - now + 1n : 1n;
}

/** `moment` in words: "round #2: commits close … (3 Dec 2026 14:00)". */
export function describeMoment(moment: PhaseMoment): string {
  return `${moment.what} (${formatDate(moment.at)})`;
}

/**
 * Moves the local node's clock forward by `seconds` and mines a block at the new time
 * (`evm_increaseTime`, `evm_mine`). Refuses a node whose chain id is not 31337.
 */
export async function advanceChainTime(rpcUrl: string, seconds: bigint): Promise<void> {
  if (seconds <= 0n) throw new Error("Move time forward by at least one second.");
  const client = createTestClient({ mode: "hardhat", transport: http(rpcUrl) }).extend(publicActions);
  const chainId = await client.getChainId();
  if (chainId !== DEV_CHAIN_ID)
    throw new Error(`Chain time can only be moved on the local chain (31337), not on chain ${chainId}.`);
  await client.increaseTime({ seconds: Number(seconds) });
  await client.mine({ blocks: 1 });
}

/** The test token's faucet: a step minting `amount` base units to `to` (TestToken's open `mint`; local chain only). */
export function mintTestToken(chainId: number, token: Address, to: Address, amount: bigint): Step[] {
  if (chainId !== DEV_CHAIN_ID)
    throw new Error("The test token faucet exists only on the local chain (31337).");
  return [
    step({
      label: "Mint test tokens",
      address: token,
      abi: testTokenAbi,
      functionName: "mint",
      args: [to, amount],
    }),
  ];
}
