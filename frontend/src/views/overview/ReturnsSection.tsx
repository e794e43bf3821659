import { useMemo, useState } from "react";

import { toCsv } from "@fef/sdk/csv";
import { findAsset } from "@fef/sdk/assets";
import { formatUnitsGrouped } from "@fef/sdk/format";

import { LineChart, type TimeRange } from "../../components/charts/LineChart";
import { useFund, type OfferingRow } from "../../hooks/useFund";
import { downloadCsv } from "../../lib/csv";
import { useReturnsHistory } from "../../hooks/useReturnsHistory";
import { PerAssetTable, type AssetColumn } from "./PerAssetTable";

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

const SPANS = [
  { id: "all", label: "All time", days: 0 },
  { id: "365", label: "1 year", days: 365 },
  { id: "90", label: "90 days", days: 90 },
  { id: "30", label: "30 days", days: 30 },
] as const;
type SpanId = (typeof SPANS)[number]["id"];

/** The returns of each asset: paid in, distributed to holders, claimed, and what is still to distribute or claim. */
const RETURNS_COLUMNS: readonly AssetColumn[] = [
  { title: "Received", amount: (a) => a.received },
  { title: "Distributed", amount: (a) => a.distributed },
  { title: "Claimed", amount: (a) => a.claimed },
  { title: "Claimable by holders", amount: (a) => a.distributed - a.claimed },
  { title: "Not yet distributed", amount: (a) => a.undistributed },
  { title: "Paid by companies and donors", amount: (a) => a.registryPaid },
];

/**
 * Returns per asset (received, distributed, claimed), apart from investor capital (pool, escrow,
 * stipends); the charts over one date range with tooltips; the ledger as CSV.
 */
export function ReturnsSection() {
  const { snapshot, assets, now } = useFund();
  const { series, ledger, hasData } = useReturnsHistory();
  const escrow = useMemo(() => escrowByAsset(snapshot?.offerings ?? []), [snapshot]);
  const [span, setSpan] = useState<SpanId>("all");
  // One date range for every chart: from the first distribution (or the chosen span) to chain time.
  const range = useMemo((): TimeRange | undefined => {
    const times = series.flatMap((s) => s.points.map((p) => p.t));
    if (times.length === 0) return undefined;
    const to = Math.max(Number(now), ...times);
    const days = SPANS.find((x) => x.id === span)?.days ?? 0;
    return { from: days === 0 ? Math.min(...times) : to - days * 86_400, to };
  }, [series, now, span]);
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
      {series.length === 0 ? (
        <p className="muted">No returns have been distributed in the loaded history yet.</p>
      ) : (
        <>
          <div className="date-range" role="group" aria-label="Date range of the charts">
            {SPANS.map((x) => (
              <button
                key={x.id}
                type="button"
                aria-pressed={span === x.id}
                onClick={() => setSpan(x.id)}
                data-testid={`range-${x.id}`}
              >
                {x.label}
              </button>
            ))}
          </div>
          <div className="charts" data-testid="returns-charts">
            {series.map((s) => (
              <LineChart
                key={s.name}
                title={s.name}
                description={`Cumulative ${s.name} to shareholders over time.`}
                series={[s]}
                {...(range ? { range } : {})}
              />
            ))}
          </div>
        </>
      )}
      <h3>Returns per asset</h3>
      <PerAssetTable
        caption="Returns per asset: paid in by companies and donors, distributed to holders, claimed"
        columns={RETURNS_COLUMNS}
        rowTestId="returns-row"
      />
      <h3>Investor capital</h3>
      <PerAssetTable
        caption="Investor capital per asset: not returns; it pays researchers' stipends"
        columns={[
          { title: "In the capital pool", amount: (a) => a.capital.capitalIn - a.capital.stipendsPaid },
          { title: "Available for stipends", amount: (a) => a.availableCapital },
          {
            title: "In offering escrow",
            amount: (a) => escrow.get(a.asset.toLowerCase()) ?? 0n,
            testId: "escrow",
          },
          { title: "Stipends paid", amount: (a) => a.capital.stipendsPaid },
        ]}
        rowTestId="capital-row"
      />
      <p className="hint">
        Investor capital reaches the pool, where it can pay stipends, only when its offering is settled: once
        the window has ended or the trustees closed it, anyone can settle it from the investor view. Until
        then it stays in escrow with the offerings contract
        {partialOfferings ? ` (escrow summed over the ${snapshot.offerings.length} newest offerings)` : ""}.
      </p>
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
