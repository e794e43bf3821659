import { toHex, type Address, type Hex } from "viem";

/**
 * Estimate salts, kept in this browser only. Committing hides an estimate behind
 * keccak256(chainid, contract, trustee, application, estimate, salt); revealing needs the same
 * estimate and salt, so both are stored before the commit is sent. Losing them means the
 * estimate can never be revealed and does not count.
 */
export type StoredEstimate = { readonly estimateBps: number; readonly salt: Hex };

function key(chainId: number, grantRounds: Address, trustee: Address, applicationId: bigint): string {
  return `fef.salt:${chainId}:${grantRounds.toLowerCase()}:${trustee.toLowerCase()}:${applicationId}`;
}

export function newSalt(): Hex {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return toHex(bytes);
}

export function loadEstimate(
  chainId: number,
  grantRounds: Address,
  trustee: Address,
  applicationId: bigint,
): StoredEstimate | null {
  try {
    const raw = localStorage.getItem(key(chainId, grantRounds, trustee, applicationId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredEstimate>;
    if (typeof parsed.estimateBps !== "number" || typeof parsed.salt !== "string") return null;
    return { estimateBps: parsed.estimateBps, salt: parsed.salt };
  } catch {
    return null;
  }
}

export function saveEstimate(
  chainId: number,
  grantRounds: Address,
  trustee: Address,
  applicationId: bigint,
  estimate: StoredEstimate,
): void {
  localStorage.setItem(key(chainId, grantRounds, trustee, applicationId), JSON.stringify(estimate));
}
