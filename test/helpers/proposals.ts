import { anyValue } from "@nomicfoundation/hardhat-ethers-chai-matchers/withArgs";
import { expect } from "chai";

import type { TrusteeCouncil } from "../../types/ethers-contracts/index.js";

/**
 * Expects an execution to end in `ProposalExecutionFailed` carrying `reason` (see `failure`); the
 * proposal's id, kind and executor are checked when `proposal` gives them, and may be anything otherwise.
 */
export async function expectExecutionFailed(
  execution: Promise<unknown>,
  council: TrusteeCouncil,
  reason: string,
  proposal: readonly [id: unknown, kind: unknown, executor: unknown] = [anyValue, anyValue, anyValue],
): Promise<void> {
  await expect(execution)
    .to.emit(council, "ProposalExecutionFailed")
    .withArgs(...proposal, reason);
}
