import { useId } from "react";
import type { Address } from "viem";
import { useConnect, useConnection, useConnectors, useDisconnect, useReadContracts } from "wagmi";

import { fundSharesAbi } from "@fef/sdk/generated/abis";
import { devAccounts } from "@fef/sdk/devAccounts";
import { shortAddress } from "@fef/sdk/format";

import { useFund } from "../hooks/useFund";
import { useRoleIndex } from "../hooks/useRoles";
import { LOCAL_CHAIN_ID } from "../lib/chains";
import { rememberDevAccount } from "../lib/devConnector";

/** Local demo: act as any Hardhat dev account (labelled by its detected roles), or connect a browser wallet. */
export function AccountPicker() {
  const id = useId();
  const { connector, address, isConnected } = useConnection();
  const connectors = useConnectors();
  const connect = useConnect();
  const disconnect = useDisconnect();
  const { system, chainId } = useFund();
  const roles = useRoleIndex();
  const onLocal = chainId === LOCAL_CHAIN_ID;

  const balances = useReadContracts({
    contracts: devAccounts.map((account) => ({
      address: system?.shares,
      abi: fundSharesAbi,
      functionName: "balanceOf",
      args: [account],
      chainId: LOCAL_CHAIN_ID,
    })),
    query: { enabled: Boolean(system && onLocal) },
  });

  const injected = connectors.find((c) => c.type === "injected");
  const current = connector?.id.startsWith("dev-") ? (address ?? "") : "";

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
            data-testid="dev-account-picker"
          >
            <option value="">— none —</option>
            {devAccounts.map((account, index) => {
              const result = balances.data?.[index];
              const balance =
                result?.status === "success" && typeof result.result === "bigint" ? result.result : undefined;
              const labels = roles.rolesOf(account, balance);
              return (
                <option key={account} value={account}>
                  #{index} {shortAddress(account)}
                  {labels.length > 0 ? ` — ${labels.join(", ")}` : ""}
                </option>
              );
            })}
          </select>
        </div>
      ) : null}
      {injected && !(isConnected && connector?.type === "injected") ? (
        <button
          type="button"
          onClick={() =>
            void (isConnected ? disconnect.mutateAsync({}) : Promise.resolve()).then(() =>
              connect.mutate({ connector: injected }),
            )
          }
          data-testid="connect-wallet"
        >
          Connect browser wallet
        </button>
      ) : null}
      {isConnected ? (
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
          Could not connect: {connect.error.message.split("\n")[0]}
        </p>
      ) : null}
    </div>
  );
}
