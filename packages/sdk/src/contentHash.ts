// The content hash an application (or any off-chain document) commits to: keccak256 of its bytes,
// so anyone holding the document can check it against the hash recorded on-chain.
import type { Hex } from "viem";

import { hashBytes, hashText } from "./documentHash.ts";

/** keccak256 of a text (its UTF-8 bytes) or of a file's bytes. */
export function contentHashOf(content: string | Uint8Array): Hex {
  return typeof content === "string" ? hashText(content) : hashBytes(content);
}
