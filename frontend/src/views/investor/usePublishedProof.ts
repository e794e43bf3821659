import { useQuery } from "@tanstack/react-query";
import { zeroHash, type Address } from "viem";

import { PUBLISHED_ALLOWLIST_FILE, allowlistProof, parseAllowlist } from "@fef/sdk/allowlist";

import { useFund, type OfferingRow } from "../../hooks/useFund";

/** Where the allowlist of this chain is published: VITE_ALLOWLIST_URL, else the file next to the app. */
function allowlistUrl(): string {
  const env = import.meta.env as Record<string, string | undefined>;
  return env.VITE_ALLOWLIST_URL ?? `${import.meta.env.BASE_URL}${PUBLISHED_ALLOWLIST_FILE}`;
}

/**
 * The connected investor's Merkle proof for an allowlisted offering, looked up in the published
 * allowlist and checked against the offering's root by the SDK (never pasted by hand).
 */
export function usePublishedProof(row: OfferingRow, account: Address | undefined) {
  const { chainId } = useFund();
  const root = row.offering.params.allowlistRoot;
  return useQuery({
    queryKey: ["published-allowlist-proof", chainId, row.id.toString(), root, account],
    enabled: Boolean(account) && root !== zeroHash,
    staleTime: 60_000,
    queryFn: async () => {
      if (!account) throw new Error("No account");
      let json: unknown;
      try {
        const response = await fetch(allowlistUrl());
        if (!response.ok) throw new Error(String(response.status));
        json = await response.json();
      } catch {
        return { ok: false as const, error: "No allowlist is published by this server for this offering." };
      }
      const file = parseAllowlist(json);
      if (!file.ok) return file;
      return allowlistProof(file.value, { chainId, offeringId: row.id, root, account });
    },
  });
}
