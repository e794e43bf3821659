import { useMemo } from "react";

import { toCsv } from "@fef/sdk/csv";
import { findAsset } from "@fef/sdk/assets";
import { formatAmount, formatUnitsGrouped } from "@fef/sdk/format";

import { DataTable } from "../../components/DataTable";
import { LineChart } from "../../components/charts/LineChart";
import { useFund, type OfferingRow } from "../../hooks/useFund";
import { downloadCsv } from "../../lib/csv";
import { useReturnsHistory } from "../../hooks/useReturnsHistory";

/** Σ capital raised by offerings not yet settled, per asset (lower-case address). */
function escrowByAsset(offerings: readonly OfferingRow[]): ReadonlyMap<string, bigint> {
  const sums = new Map<string, bigint>();
  for (const { offering } of offerings) {
    if (offering.settled) continue;
    const key = offering.params.asset.toLowerCase();
    sums.set(key, (sums.get(key) ?? 0n) + offering.capitalRaised);
  }
  return sums;
}

/**
 * Returns received, distributed and claimed per asset; investor capital in the pool and still in
 * offering escrow; the chart over time; the ledger as CSV.
 */
export function ReturnsSection() {
  const { snapshot, assets } = useFund();
  const { series, ledger, hasData } = useReturnsHistory();
  const escrow = useMemo(() => escrowByAsset(snapshot?.offerings ?? []), [snapshot]);
  if (!snapshot) return null;
  // The snapshot carries the newest offerings only; older unsettled ones would be missing from the sum.
  const partialOfferings = snapshot.fund.offeringCount > BigInt(snapshot.offerings.length);

  async function exportLedger() {
    const rows = (await ledger()).map((r) => {
      const a = findAsset(assets, r.asset);
      return [
        r.block,
        new Date(Number(r.time) * 1000).toISOString(),
        r.tx,
        r.event,
        a?.symbol ?? "",
        r.asset,
        r.account,
        r.amount,
        a ? formatUnitsGrouped(r.amount, a.decimals, a.decimals).replace(/,/g, "") : "",
        r.note,
      ];
    });
    downloadCsv(
      "returns-ledger.csv",
      toCsv(
        [
          "block",
          "time",
          "tx",
          "event",
          "asset",
          "asset_address",
          "account",
          "amount_base_units",
          "amount",
          "note",
        ],
        rows,
      ),
    );
  }

  return (
    <section className="card" aria-labelledby="returns-title">
      <h2 id="returns-title">Returns</h2>
      <DataTable
        caption="Returns and capital per asset"
        columns={[
          "Asset",
          "Received",
          "Distributed",
          "Claimed",
          "Claimable by holders",
          "Held (no shares yet)",
          "Paid by companies & donors",
          "Investor capital in the pool (available)",
          "In offering escrow (not yet in the pool)",
          "Stipends paid",
        ]}
      >
        <tbody>
          {snapshot.fund.assets.map((a) => {
            const info = findAsset(assets, a.asset);
            return (
              <tr key={a.asset} data-testid={`returns-row-${a.symbol}`}>
                <th scope="row">{a.symbol}</th>
                <td>{formatAmount(a.received, info)}</td>
                <td>{formatAmount(a.distributed, info)}</td>
                <td>{formatAmount(a.claimed, info)}</td>
                <td>{formatAmount(a.distributed - a.claimed, info)}</td>
                <td>{formatAmount(a.undistributed, info)}</td>
                <td>{formatAmount(a.registryPaid, info)}</td>
                <td>
                  {formatAmount(a.capital.capitalIn - a.capital.stipendsPaid, info)} (
                  {formatAmount(a.availableCapital, info)})
                </td>
                <td data-testid={`escrow-${a.symbol}`}>
                  {formatAmount(escrow.get(a.asset.toLowerCase()) ?? 0n, info)}
                </td>
                <td>{formatAmount(a.capital.stipendsPaid, info)}</td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
      <p className="hint">
        Investor capital reaches the pool, where it can pay stipends, only when its offering is settled: once
        the window has ended or the trustees closed it, anyone can settle it from the investor view. Until
        then it stays in escrow with the offerings contract
        {partialOfferings ? ` (escrow summed over the ${snapshot.offerings.length} newest offerings)` : ""}.
      </p>
      <h3>Returns over time</h3>
      {series.length === 0 ? (
        <p className="muted">No returns have been distributed in the loaded history yet.</p>
      ) : (
        <div className="charts" data-testid="returns-charts">
          {series.map((s) => (
            <LineChart
              key={s.name}
              title={s.name}
              description={`Cumulative ${s.name} to shareholders over time.`}
              series={[s]}
            />
          ))}
        </div>
      )}
      <button
        type="button"
        onClick={() => void exportLedger()}
        disabled={!hasData}
        data-testid="export-ledger"
      >
        Export returns ledger (CSV)
      </button>
    </section>
  );
}
