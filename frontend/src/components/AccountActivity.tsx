import { useInfiniteQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Address } from "viem";

import { findAsset } from "@fef/sdk/assets";
import { formatAmount, formatDate, formatShares } from "@fef/sdk/format";
import { accountActivity, type ActivityEntry } from "@fef/sdk/history";

import { useFund } from "../hooks/useFund";
import { useIndexerStatus } from "../hooks/useIndexer";
import { activityFromLogs, type ActivityRow } from "../lib/activity";
import { DataTable } from "./DataTable";
import { AddressLabel } from "./AddressLabel";

const PAGE = 50;

const rowOf = (e: ActivityEntry): ActivityRow => ({
  key: `${e.blockNumber}:${e.logIndex}`,
  kind: e.kind,
  block: e.blockNumber,
  time: e.timestamp,
  asset: e.asset,
  amount: e.amount,
  tx: e.transactionHash,
});

/**
 * What `account` did, newest first: from the indexer's activity table page by page when there is one
 * that answers, else from the loaded event logs.
 */
export function AccountActivity({ account }: { readonly account: Address }) {
  const { chainId, history, assets } = useFund();
  const { client, down } = useIndexerStatus();
  const pages = useInfiniteQuery({
    queryKey: ["account-activity", chainId, client?.url, account],
    enabled: client !== undefined,
    initialPageParam: undefined as ActivityEntry | undefined,
    queryFn: ({ pageParam }) => {
      if (!client) throw new Error("no history indexer");
      return accountActivity(client, account, { before: pageParam, limit: PAGE });
    },
    getNextPageParam: (last) => (last.length < PAGE ? undefined : last[last.length - 1]),
  });
  const rows = useMemo(
    () =>
      client
        ? (pages.data?.pages ?? []).flat().map(rowOf)
        : activityFromLogs(history.logs, account).slice(0, 500),
    [client, pages.data, history.logs, account],
  );
  return (
    <section className="card" aria-labelledby="activity-title">
      <h2 id="activity-title">
        Activity of <AddressLabel address={account} plain />
      </h2>
      <p className="hint" data-testid="activity-source">
        {client
          ? "From the history indexer."
          : down
            ? "From the loaded event history (the history indexer does not answer at the moment)."
            : "From the loaded event history (no indexer configured)."}
      </p>
      {rows.length === 0 ? (
        <p className="muted">{pages.isLoading ? "Loading…" : "No activity yet."}</p>
      ) : (
        <DataTable caption="Activity, newest first" columns={["Time", "What", "Amount", "Block"]}>
          <tbody data-testid="account-activity">
            {rows.map((r) => {
              const asset = r.asset ? findAsset(assets, r.asset) : undefined;
              return (
                <tr key={r.key}>
                  <th scope="row">{formatDate(r.time)}</th>
                  <td>{r.kind}</td>
                  <td>
                    {r.amount === null
                      ? "—"
                      : r.asset
                        ? formatAmount(r.amount, asset)
                        : formatShares(r.amount)}
                  </td>
                  <td>{r.block.toString()}</td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
      {client && pages.hasNextPage ? (
        <button
          type="button"
          className="secondary"
          onClick={() => void pages.fetchNextPage()}
          disabled={pages.isFetchingNextPage}
        >
          Load older activity
        </button>
      ) : null}
    </section>
  );
}
