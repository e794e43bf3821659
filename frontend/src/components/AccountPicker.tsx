import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { Address } from "viem";
import { useConnect, useConnection, useConnectors, useDisconnect, type Connector } from "wagmi";

import { fundSharesAbi } from "@fef/sdk/generated/abis";
import { devAccounts } from "@fef/sdk/devAccounts";
import { decodeError, plainErrorFormat } from "@fef/sdk/errors";
import { shortAddress } from "@fef/sdk/format";

import { useAddressName } from "../hooks/useAddressName";
import { AddressLabel } from "./AddressLabel";
import { useFund } from "../hooks/useFund";
import { useRoleIndex } from "../hooks/useRoles";
import { LOCAL_CHAIN_ID } from "../lib/chains";
import { fundKeys } from "../lib/fundReads";
import { rememberDevAccount } from "../lib/devConnector";
import { walletConnectProjectId } from "../wagmi";

/**
 * Local demo: act as any Hardhat dev account (labelled by its detected roles). Everywhere: connect a
 * browser wallet, or a mobile wallet through WalletConnect (when configured). Inside Safe{Wallet} the
 * Safe connects by itself and is shown as such.
 */
export function AccountPicker() {
  const id = useId();
  const { connector, address, isConnected } = useConnection();
  const connectors = useConnectors();
  const connect = useConnect();
  const disconnect = useDisconnect();
  const { system, chainId, client } = useFund();
  // The dev accounts' roles are read when the picker is first used (or an account is connected).
  const [picking, setPicking] = useState(false);
  const roles = useRoleIndex(picking || isConnected);
  const onLocal = chainId === LOCAL_CHAIN_ID;

  // One batched HTTP request: the transport batches calls made in the same tick. Like the roles, read
  // when the picker is first used (they only label its accounts), not on every page load.
  const shares = system?.shares;
  const balances = useQuery({
    queryKey: fundKeys.balances(chainId, devAccounts),
    queryFn: () => {
      if (!client || !shares) throw new Error("The Fund is not deployed on this chain");
      return Promise.all(
        devAccounts.map((account) =>
          client.readContract({
            address: shares,
            abi: fundSharesAbi,
            functionName: "balanceOf",
            args: [account],
          }),
        ),
      );
    },
    enabled: Boolean(client && shares && onLocal && (picking || isConnected)),
  });

  const injected = connectors.find((c) => c.type === "injected");
  const walletConnect = connectors.find((c) => c.type === "walletConnect");
  const inSafe = connector?.type === "safe";
  const current = connector?.id.startsWith("dev-") ? (address ?? "") : "";

  /** Leaves the current connection (if any) and connects through `target`. */
  async function switchTo(target: Connector) {
    if (isConnected) await disconnect.mutateAsync({});
    connect.mutate({ connector: target });
  }

  async function pick(value: string) {
    if (isConnected) await disconnect.mutateAsync({});
    if (!value) return;
    const index = devAccounts.findIndex((a) => a === value);
    const target = connectors.find((c) => c.id === `dev-${index}`);
    if (!target) return;
    rememberDevAccount(value as Address);
    try {
      await connect.mutateAsync({ connector: target, chainId: LOCAL_CHAIN_ID });
    } catch {
      rememberDevAccount(null);
    }
  }

  return (
    <div className="account-picker">
      {onLocal ? (
        <div className="field inline">
          <label htmlFor={id}>Act as dev account</label>
          <select
            id={id}
            value={current}
            onChange={(e) => void pick(e.target.value)}
            onFocus={() => setPicking(true)}
            onPointerEnter={() => setPicking(true)}
            data-testid="dev-account-picker"
          >
            <option value="">— none —</option>
            {devAccounts.map((account, index) => {
              const balance = balances.data?.[index];
              const labels = roles.rolesOf(account, balance);
              return <DevAccountOption key={account} account={account} index={index} labels={labels} />;
            })}
          </select>
        </div>
      ) : null}
      {injected && !(isConnected && connector?.type === "injected") ? (
        <button type="button" onClick={() => void switchTo(injected)} data-testid="connect-wallet">
          Connect browser wallet
        </button>
      ) : null}
      {walletConnect && !(isConnected && connector?.type === "walletConnect") && !inSafe ? (
        <button
          type="button"
          onClick={() => void switchTo(walletConnect)}
          data-testid="connect-walletconnect"
        >
          WalletConnect
        </button>
      ) : null}
      {!walletConnectProjectId && !onLocal ? (
        <p className="muted small" data-testid="walletconnect-note">
          Mobile wallets (WalletConnect) need VITE_WALLETCONNECT_PROJECT_ID at build time.
        </p>
      ) : null}
      {inSafe && address ? (
        <p className="small" data-testid="safe-connected">
          Acting as the Safe <AddressLabel address={address} />: each write is proposed to its owners.
        </p>
      ) : null}
      {isConnected && !inSafe ? (
        <button
          type="button"
          className="secondary"
          onClick={() => disconnect.mutate({})}
          data-testid="disconnect"
        >
          Disconnect
        </button>
      ) : null}
      {connect.error ? (
        <p className="field-error" role="alert">
          Could not connect. {decodeError(connect.error, plainErrorFormat).message}
        </p>
      ) : null}
    </div>
  );
}

/** One dev account in the picker: its index, ENS name (or short address) and detected roles. */
function DevAccountOption(props: { account: Address; index: number; labels: readonly string[] }) {
  const { name } = useAddressName(props.account, false);
  return (
    <option value={props.account} data-ens-name={name}>
      #{props.index} {name ?? shortAddress(props.account)}
      {props.labels.length > 0 ? ` — ${props.labels.join(", ")}` : ""}
    </option>
  );
}
