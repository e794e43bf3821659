import { CapTable } from "./CapTable";
import { Compliance } from "./Compliance";
import { FundFigures } from "./FundFigures";
import { GovernanceBanner } from "./GovernanceBanner";
import { HistoryNote } from "./HistoryNote";
import { ReturnsSection } from "./ReturnsSection";

/** The public fund overview: figures, returns, cap table, techniques and companies' compliance. */
export function OverviewView() {
  return (
    <div className="stack">
      <GovernanceBanner />
      <FundFigures />
      <ReturnsSection />
      <CapTable />
      <Compliance />
      <HistoryNote />
    </div>
  );
}
