import type { Address } from "viem";
import { useEnsAvatar, useEnsName } from "wagmi";

import { ENS_CHAIN_ID, ensEnabled } from "../lib/names";

const HOUR = 3_600_000;

/**
 * The ENS name of `address` and, unless `withAvatar` is false, its avatar (a URL or data URI), looked
 * up through the mainnet transport (VITE_MAINNET_RPC_URL); both undefined when names are not
 * configured or the address has none.
 */
export function useAddressName(
  address: Address | undefined,
  withAvatar = true,
): { name: string | undefined; avatar: string | undefined } {
  const name = useEnsName({
    address,
    chainId: ENS_CHAIN_ID,
    query: { enabled: ensEnabled && address !== undefined, staleTime: HOUR },
  });
  const avatar = useEnsAvatar({
    name: name.data ?? undefined,
    chainId: ENS_CHAIN_ID,
    query: { enabled: ensEnabled && withAvatar && Boolean(name.data), staleTime: HOUR },
  });
  return { name: name.data ?? undefined, avatar: withAvatar ? (avatar.data ?? undefined) : undefined };
}
