import { AbiCoder, concat, getAddress, keccak256 } from "ethers";

/**
 * Merkle allowlists of investor addresses, built exactly as OpenZeppelin's StandardMerkleTree does
 * for the value type `address`: leaf = keccak256(bytes.concat(keccak256(abi.encode(investor)))),
 * inner node = keccak256 of the two children in ascending order (what MerkleProof.verify expects).
 */
export interface Allowlist {
  root: string;
  /** Proof of `investor`'s leaf; throws if the investor is not in the list. */
  proof(investor: string): string[];
}

const coder = AbiCoder.defaultAbiCoder();

/** The allowlist leaf of `investor` (double hashed, so no leaf can pass for an inner node). */
export function allowlistLeaf(investor: string): string {
  return keccak256(concat([keccak256(coder.encode(["address"], [investor]))]));
}

/** Hash of two sibling nodes, smaller first. */
export function hashPair(a: string, b: string): string {
  return BigInt(a) < BigInt(b) ? keccak256(concat([a, b])) : keccak256(concat([b, a]));
}

/** Builds the tree bottom-up; an odd node out is carried up unchanged. */
export function buildAllowlist(investors: readonly string[]): Allowlist {
  if (investors.length === 0) throw new Error("an allowlist needs at least one investor");
  const leaves = investors.map(allowlistLeaf);
  const layers: string[][] = [leaves];
  for (let layer = leaves; layer.length > 1;) {
    const next: string[] = [];
    for (let i = 0; i < layer.length; i += 2) {
      const left = layer[i] as string;
      const right = layer[i + 1];
      next.push(right === undefined ? left : hashPair(left, right));
    }
    layers.push(next);
    layer = next;
  }
  const root = layers[layers.length - 1]?.[0] as string;
  const indexOf = new Map(investors.map((investor, i) => [getAddress(investor), i]));

  return {
    root,
    proof(investor: string): string[] {
      let index = indexOf.get(getAddress(investor));
      if (index === undefined) throw new Error(`${investor} is not in the allowlist`);
      const proof: string[] = [];
      for (const layer of layers.slice(0, -1)) {
        const sibling = layer[index ^ 1];
        if (sibling !== undefined) proof.push(sibling);
        index >>= 1;
      }
      return proof;
    },
  };
}

/** Recomputes the root from a leaf and its proof, as MerkleProof.processProof does. */
export function processProof(leaf: string, proof: readonly string[]): string {
  return proof.reduce((node, sibling) => hashPair(node, sibling), leaf);
}
