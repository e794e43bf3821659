// An offering's published allowlist: a JSON file with its Merkle root and one proof per investor
// (OpenZeppelin's StandardMerkleTree over `address` leaves, as the seed and `Offerings` use). A client
// looks up the connected investor's proof and checks it against the offering's root before use.
import {
  concat,
  encodeAbiParameters,
  getAddress,
  isAddress,
  isHex,
  keccak256,
  type Address,
  type Hex,
} from "viem";

import type { Checked } from "./validate.ts";

/** The published file: `{ chainId, offeringId, root, proofs: { "0xInvestor": ["0x…", …] } }`. */
export type AllowlistFile = {
  readonly chainId: number;
  readonly offeringId: number;
  readonly root: Hex;
  readonly proofs: Readonly<Record<string, readonly Hex[]>>;
};

/** Where a dashboard finds the allowlist its server publishes (next to the app, written by the seed). */
export const PUBLISHED_ALLOWLIST_FILE = "demo-allowlist.json";

const isHash = (value: unknown): value is Hex =>
  typeof value === "string" && isHex(value) && value.length === 66;

/** Reads an allowlist file's JSON, or says in plain words what is wrong with it. */
export function parseAllowlist(json: unknown): Checked<AllowlistFile> {
  const bad = (error: string): Checked<AllowlistFile> => ({ ok: false, error });
  if (json === null || typeof json !== "object") return bad("The published allowlist is not a JSON object.");
  const f = json as Record<string, unknown>;
  if (typeof f.chainId !== "number" || typeof f.offeringId !== "number")
    return bad("The published allowlist does not say which chain and offering it is for.");
  if (!isHash(f.root)) return bad("The published allowlist has no valid Merkle root.");
  if (f.proofs === null || typeof f.proofs !== "object") return bad("The published allowlist has no proofs.");
  const proofs: Record<string, Hex[]> = {};
  for (const [address, proof] of Object.entries(f.proofs as Record<string, unknown>)) {
    if (!isAddress(address, { strict: false }) || !Array.isArray(proof) || !proof.every(isHash))
      return bad(`The published allowlist's entry for ${address} is not an address with a list of hashes.`);
    proofs[getAddress(address).toLowerCase()] = proof;
  }
  return { ok: true, value: { chainId: f.chainId, offeringId: f.offeringId, root: f.root, proofs } };
}

/** The StandardMerkleTree leaf of an `address` entry: keccak256(keccak256(abi.encode(address))). */
export function allowlistLeaf(account: Address): Hex {
  return keccak256(keccak256(encodeAbiParameters([{ type: "address" }], [account])));
}

/** The root a proof leads to from `leaf` (sorted pairs, as OpenZeppelin's MerkleProof). */
export function processProof(leaf: Hex, proof: readonly Hex[]): Hex {
  let hash = leaf;
  for (const sibling of proof)
    hash =
      BigInt(hash) < BigInt(sibling)
        ? keccak256(concat([hash, sibling]))
        : keccak256(concat([sibling, hash]));
  return hash;
}

/**
 * `account`'s proof for the offering `offeringId` with Merkle root `root` on chain `chainId`, looked
 * up in a published allowlist and checked against the root; else why not, in plain words.
 */
export function allowlistProof(
  file: AllowlistFile,
  want: {
    readonly chainId: number;
    readonly offeringId: bigint;
    readonly root: Hex;
    readonly account: Address;
  },
): Checked<readonly Hex[]> {
  if (file.chainId !== want.chainId || BigInt(file.offeringId) !== want.offeringId)
    return {
      ok: false,
      error: `The published allowlist is for another offering; none is published for offering #${want.offeringId}.`,
    };
  if (file.root.toLowerCase() !== want.root.toLowerCase())
    return {
      ok: false,
      error: "The published allowlist does not match this offering's root (it is out of date).",
    };
  const proof = file.proofs[want.account.toLowerCase()];
  if (!proof) return { ok: false, error: "Your account is not on this offering's allowlist." };
  if (processProof(allowlistLeaf(want.account), proof).toLowerCase() !== want.root.toLowerCase())
    return { ok: false, error: "The published proof for your account does not lead to the offering's root." };
  return { ok: true, value: proof };
}
