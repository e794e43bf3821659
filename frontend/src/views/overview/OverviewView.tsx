import { CapTable } from "./CapTable";
import { Compliance } from "./Compliance";
import { FundDetails, FundFigures } from "./FundFigures";
import { GovernanceBanner } from "./GovernanceBanner";
import { HistoryNote } from "./HistoryNote";
import { ReturnsSection } from "./ReturnsSection";

/** The public fund overview: headline figures and returns first, then the details, cap table and compliance. */
export function OverviewView() {
  return (
    <div className="stack">
      <GovernanceBanner />
      <FundFigures />
      <ReturnsSection />
      <FundDetails />
      <CapTable />
      <Compliance />
      <HistoryNote />
    </div>
  );
}
