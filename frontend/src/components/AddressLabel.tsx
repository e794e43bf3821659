import { useState } from "react";
import type { Address } from "viem";
import { useChains } from "wagmi";

import { shortAddress } from "@fef/sdk/format";

import { useFund } from "../hooks/useFund";
import { useAddressName } from "../hooks/useAddressName";

/**
 * An address as every table, list and picker shows it: its ENS name and avatar where it has them
 * (looked up on mainnet when VITE_MAINNET_RPC_URL is set), else the short address; the full address
 * on hover, a copy button, and a link to the current chain's block explorer when it has one.
 */
export function AddressLabel({ address, plain = false }: { address: Address; plain?: boolean }) {
  const { chainId } = useFund();
  const chains = useChains();
  const { name, avatar } = useAddressName(address, !plain);
  const [copied, setCopied] = useState(false);
  const explorer = chains.find((c) => c.id === chainId)?.blockExplorers?.default.url;
  const label = name ?? shortAddress(address);

  if (plain) return <span title={address}>{label}</span>;
  return (
    <span className="address" data-testid="address" data-address={address}>
      {avatar ? (
        <img className="avatar" src={avatar} alt="" width={16} height={16} data-testid="ens-avatar" />
      ) : null}
      <code title={address} data-testid={name ? "ens-name" : undefined}>
        {label}
      </code>
      <button
        type="button"
        className="link small"
        aria-label={`Copy ${address}`}
        onClick={() =>
          void navigator.clipboard?.writeText(address).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? "copied" : "copy"}
      </button>
      {explorer ? (
        <a className="small" href={`${explorer}/address/${address}`} target="_blank" rel="noreferrer">
          explorer
        </a>
      ) : null}
    </span>
  );
}
