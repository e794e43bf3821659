import { findAsset } from "@fef/sdk/assets";
import { formatAmount } from "@fef/sdk/format";
import type { FundView } from "@fef/sdk/lens";

import { DataTable } from "../../components/DataTable";
import { useFund } from "../../hooks/useFund";

type FundAsset = FundView["assets"][number];

/** A column of amounts: its title, the amount of a fund asset it shows, and an optional cell test id prefix. */
export type AssetColumn = {
  readonly title: string;
  readonly amount: (asset: FundAsset) => bigint;
  readonly testId?: string;
};

/**
 * A table with one row per fund asset, headed by its symbol, then one amount per column in that
 * asset's decimals. A row's test id is `${rowTestId}-${symbol}`, a cell's `${column.testId}-${symbol}`.
 */
export function PerAssetTable({
  caption,
  columns,
  rowTestId,
}: {
  readonly caption: string;
  readonly columns: readonly AssetColumn[];
  readonly rowTestId: string;
}) {
  const { snapshot, assets } = useFund();
  return (
    <DataTable caption={caption} columns={["Asset", ...columns.map((c) => c.title)]}>
      <tbody>
        {(snapshot?.fund.assets ?? []).map((a) => {
          const info = findAsset(assets, a.asset);
          return (
            <tr key={a.asset} data-testid={`${rowTestId}-${a.symbol}`}>
              <th scope="row">{a.symbol}</th>
              {columns.map((c) => (
                <td key={c.title} data-testid={c.testId && `${c.testId}-${a.symbol}`}>
                  {formatAmount(c.amount(a), info)}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
