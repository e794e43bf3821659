import { expect } from "chai";

import { MAGNITUDE } from "./ledger.js";

/** The exact pro-rata value `amount × balance / supply` as a fraction. */
export interface Exact {
  num: bigint;
  den: bigint;
}

/** `amount × balance / supply`, kept exact. */
export function proRata(amount: bigint, balance: bigint, supply: bigint): Exact {
  return { num: amount * balance, den: supply };
}

/** The sum of exact values (common denominator). */
export function sumExact(...parts: Exact[]): Exact {
  return parts.reduce((acc, p) => ({ num: acc.num * p.den + p.num * acc.den, den: acc.den * p.den }), {
    num: 0n,
    den: 1n,
  });
}

/**
 * Asserts the ledger's documented rounding: `actual` is at most the exact value and less than
 * one wei below it (exact − 1 ≤ actual ≤ exact). Never above.
 */
export function expectWithinOneWeiBelow(actual: bigint, exact: Exact, what: string): void {
  expect(actual * exact.den, `${what}: never above the exact value`).to.be.lte(exact.num);
  expect((actual + 1n) * exact.den, `${what}: at most one wei below the exact value`).to.be.gte(exact.num);
}

/** The returns-per-share increment the ledger books for a distribution (rounded down). */
export function rpsIncrement(amount: bigint, supply: bigint): bigint {
  return (amount * MAGNITUDE) / supply;
}
