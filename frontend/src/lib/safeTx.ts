// A write through a Safe (the dashboard running as a Safe App) returns a Safe transaction hash, not a
// transaction hash: the transaction exists only once enough owners have signed and someone executed
// it. This follows it through the Safe Apps SDK (`txs.getBySafeTxHash`, answered by Safe{Wallet} over
// postMessage) instead of waiting for a receipt that may never come. The SDK is loaded on first use.
import type { Hex } from "viem";

export type SafeProgress = {
  /** owner signatures collected so far, and how many the Safe needs */
  readonly confirmations?: { readonly submitted: number; readonly required: number };
  readonly awaiting: "signatures" | "execution";
};

/** How a Safe transaction ended without executing. */
export class SafeTxError extends Error {
  override name = "SafeTxError";
}

const POLL_MS = 3_000;

type SafeTxDetails = {
  readonly txStatus: string;
  readonly txHash?: string | null;
  readonly detailedExecutionInfo?: {
    readonly type?: string;
    readonly confirmationsSubmitted?: number;
    readonly confirmationsRequired?: number;
  } | null;
};

type SafeSdk = { readonly txs: { getBySafeTxHash(hash: string): Promise<SafeTxDetails> } };

let sdk: Promise<SafeSdk> | undefined;
function safeSdk(): Promise<SafeSdk> {
  sdk ??= import("@safe-global/safe-apps-sdk").then(({ default: SDK }) => new SDK() as unknown as SafeSdk);
  return sdk;
}

/**
 * Resolves with the transaction hash once the Safe executed `safeTxHash`; reports each change of
 * progress through `onProgress`; rejects with a SafeTxError when the Safe reports it failed or was
 * replaced, or when `signal` aborts (the entry stays in Safe{Wallet}'s queue either way).
 */
export async function waitForSafeExecution(
  safeTxHash: Hex,
  onProgress: (progress: SafeProgress) => void,
  signal?: AbortSignal,
): Promise<Hex> {
  const client = await safeSdk();
  let last = "";
  for (;;) {
    if (signal?.aborted)
      throw new SafeTxError("Stopped following the Safe transaction; it stays in the Safe's queue.");
    const details = await client.txs.getBySafeTxHash(safeTxHash);
    if (details.txStatus === "SUCCESS" && details.txHash) return details.txHash as Hex;
    if (details.txStatus === "FAILED")
      throw new SafeTxError("The Safe executed the transaction and it failed.");
    if (details.txStatus === "CANCELLED")
      throw new SafeTxError("The Safe's owners replaced this transaction; it will not execute.");
    const info = details.detailedExecutionInfo;
    const progress: SafeProgress = {
      awaiting: details.txStatus === "AWAITING_EXECUTION" ? "execution" : "signatures",
      ...(info?.confirmationsRequired !== undefined && info.confirmationsSubmitted !== undefined
        ? { confirmations: { submitted: info.confirmationsSubmitted, required: info.confirmationsRequired } }
        : {}),
    };
    const key = JSON.stringify(progress);
    if (key !== last) onProgress(progress);
    last = key;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The progress in words: "1 of 2 owner signatures" / "ready to execute". */
export function describeSafeProgress(progress: SafeProgress): string {
  if (progress.awaiting === "execution")
    return "Signed by enough owners: waiting for an owner to execute it in the Safe.";
  const c = progress.confirmations;
  return c
    ? `Waiting for the Safe's owners: ${c.submitted} of ${c.required} signatures.`
    : "Waiting for the Safe's owners to sign.";
}
