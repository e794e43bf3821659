import { formatUnits } from "viem";

import { toCsv } from "@fef/sdk/csv";
import { formatAmount, formatShares, formatUnitsGrouped, shortAddress } from "@fef/sdk/format";

import { AddressLabel } from "../../components/AddressLabel";
import { DataTable } from "../../components/DataTable";
import { IndexerExport } from "../../components/IndexerExport";
import { ShareBar, type Slice } from "../../components/charts/ShareBar";
import { PAGE, useFund } from "../../hooks/useFund";
import { useProvenance } from "../../hooks/useProvenance";
import { downloadCsv } from "../../lib/csv";
import { holdersCsv } from "../../lib/historyCsv";

const TOP = 10;

/** Top holders and "the rest", with claimable returns; CSV of the loaded holders. */
export function CapTable() {
  const { snapshot, assets, holderOffset, setHolderOffset } = useFund();
  const provenance = useProvenance();
  if (!snapshot) return null;
  const supply = snapshot.fund.totalSupply;
  const sorted = [...snapshot.holders].sort((a, b) =>
    a.balance === b.balance ? 0 : a.balance > b.balance ? -1 : 1,
  );
  const top = sorted.slice(0, TOP);
  const topSum = top.reduce((s, h) => s + h.balance, 0n);
  const rest = supply - topSum;
  const restCount = Number(snapshot.fund.holderCount) - top.length;
  const kind = (a: string) =>
    [
      provenance.researchers.has(a.toLowerCase()) ? "researcher" : "",
      provenance.investors.has(a.toLowerCase()) ? "investor" : "",
    ]
      .filter(Boolean)
      .join(" & ") || "—";

  const slices: Slice[] = top.map((h) => ({
    label: shortAddress(h.holder),
    value: Number(formatUnits(h.balance, 18)),
    detail: formatShares(h.balance),
  }));
  if (rest > 0n)
    slices.push({
      label: `the rest (${restCount} holders)`,
      value: Number(formatUnits(rest, 18)),
      detail: formatShares(rest),
    });

  function exportHolders() {
    if (!snapshot) return;
    const header = [
      "holder",
      "shares",
      "share_of_supply",
      "provenance",
      ...assets.map((a) => `claimable_${a.symbol}`),
    ];
    const rows = sorted.map((h) => [
      h.holder,
      formatUnitsGrouped(h.balance, 18, 18).replace(/,/g, ""),
      supply > 0n ? (Number((h.balance * 1_000_000n) / supply) / 10_000).toFixed(4) + "%" : "0%",
      kind(h.holder),
      ...h.claimable.map((c, i) => formatUnitsGrouped(c, assets[i]?.decimals ?? 18, 18).replace(/,/g, "")),
    ]);
    downloadCsv(`holders-${holderOffset + 1}-${holderOffset + rows.length}.csv`, toCsv(header, rows));
  }

  const more = snapshot.fund.holderCount > BigInt(holderOffset + snapshot.holders.length);
  return (
    <section className="card" aria-labelledby="captable-title">
      <h2 id="captable-title">Cap table</h2>
      {supply === 0n ? (
        <p className="muted">No shares exist yet.</p>
      ) : (
        <ShareBar title="Share of total supply" slices={slices} />
      )}
      <DataTable
        caption="Top holders"
        columns={[
          "Holder",
          "Shares",
          "Of supply",
          "Provenance",
          ...assets.map((a) => `Claimable ${a.symbol}`),
        ]}
      >
        <tbody>
          {top.map((h) => (
            <tr key={h.holder}>
              <th scope="row">
                <AddressLabel address={h.holder} />
              </th>
              <td>{formatShares(h.balance)}</td>
              <td>
                {supply > 0n ? `${(Number((h.balance * 1_000_000n) / supply) / 10_000).toFixed(2)}%` : "—"}
              </td>
              <td>{kind(h.holder)}</td>
              {h.claimable.map((c, i) => (
                <td key={assets[i]?.asset ?? i}>{formatAmount(c, assets[i])}</td>
              ))}
            </tr>
          ))}
          {rest > 0n ? (
            <tr>
              <th scope="row">The rest ({restCount} holders)</th>
              <td>{formatShares(rest)}</td>
              <td>{`${(Number((rest * 1_000_000n) / supply) / 10_000).toFixed(2)}%`}</td>
              <td />
              {assets.map((a) => (
                <td key={a.asset} />
              ))}
            </tr>
          ) : null}
        </tbody>
      </DataTable>
      <p className="hint">
        Holders {holderOffset + 1}–{holderOffset + snapshot.holders.length} of{" "}
        {snapshot.fund.holderCount.toString()} are loaded (the ledger lists holders {PAGE.holders} at a time,
        in no particular order); the top holders are ranked among those loaded.
      </p>
      <div className="row">
        <button
          type="button"
          onClick={exportHolders}
          disabled={snapshot.holders.length === 0}
          data-testid="export-holders"
        >
          Export loaded holders (CSV)
        </button>
        <IndexerExport
          label="Export all holders from the history (CSV)"
          filename="holders.csv"
          testId="export-holders-history"
          build={holdersCsv}
        />
        {holderOffset > 0 ? (
          <button
            type="button"
            className="secondary"
            onClick={() => setHolderOffset(Math.max(0, holderOffset - PAGE.holders))}
          >
            Previous holders
          </button>
        ) : null}
        {more ? (
          <button
            type="button"
            className="secondary"
            onClick={() => setHolderOffset(holderOffset + PAGE.holders)}
          >
            Next holders
          </button>
        ) : null}
      </div>
    </section>
  );
}
