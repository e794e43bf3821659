// The content hash an application (or any off-chain document) commits to: keccak256 of its bytes,
// so anyone holding the document can check it against the hash recorded on-chain.
import { keccak256, toBytes, type Hex } from "viem";

/** keccak256 of a text (its UTF-8 bytes) or of a file's bytes. */
export function contentHashOf(content: string | Uint8Array): Hex {
  return keccak256(typeof content === "string" ? toBytes(content) : content);
}
