// The bytes32 digests the Fund stores for documents kept off-chain (a model card or weights digest,
// a returns report's evidence): computed here from a text or a file's bytes, never typed by hand.
import { keccak256, sha256, toHex, type Hex } from "viem";

export type HashAlgorithm = "keccak256" | "sha256";

export const hashAlgorithms: readonly HashAlgorithm[] = ["keccak256", "sha256"];

/** The digest of `bytes` (a file's contents). */
export function hashBytes(bytes: Uint8Array, algorithm: HashAlgorithm = "keccak256"): Hex {
  return algorithm === "sha256" ? sha256(bytes) : keccak256(bytes);
}

/** The digest of a text's UTF-8 bytes (the same as `hashBytes` of the text saved as a file). */
export function hashText(text: string, algorithm: HashAlgorithm = "keccak256"): Hex {
  return algorithm === "sha256" ? sha256(toHex(text)) : keccak256(toHex(text));
}
