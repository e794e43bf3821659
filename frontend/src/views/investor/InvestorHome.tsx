import { formatDate, formatShares } from "@fef/sdk/format";
import { offeringWindow } from "@fef/sdk/status";

import { NeedsYou } from "../../components/NeedsYou";
import { amountsItem, calmWhen } from "../../components/needItems";
import { useClaimableReturns } from "../../hooks/useClaimableReturns";
import { useFund } from "../../hooks/useFund";

/** An investor's first screen: open offerings, shares and returns to claim, then the statement. */
export function InvestorHome() {
  const { snapshot, account, now } = useFund();
  const returns = useClaimableReturns();
  if (!snapshot) return null;
  const windows = snapshot.offerings.map((o) => ({
    o,
    window: offeringWindow(
      {
        start: o.offering.params.start,
        end: o.offering.params.end,
        closed: o.offering.closed,
        settled: o.offering.settled,
      },
      now,
    ),
  }));
  const open = windows.filter((x) => x.window === "open");
  const endsFirst = open.map((x) => x.o.offering.params.end).sort((a, b) => (a < b ? -1 : 1))[0];
  const claimable = windows
    .filter((x) => x.window === "ended" || x.window === "closed")
    .reduce((sum, x) => sum + x.o.viewerPending, 0n);
  const subscribed = windows.filter((x) => x.o.viewerPending > 0n).length;

  return (
    <NeedsYou
      title={account ? "What you can do" : "Open to investors"}
      testId="investor-home"
      items={[
        {
          key: "open",
          figure: open.length,
          title: open.length === 1 ? "Offering open for subscriptions" : "Offerings open for subscriptions",
          detail:
            endsFirst !== undefined ? `The first closes ${formatDate(endsFirst)}.` : "None is open now.",
          target: "offerings-title",
          ...calmWhen(open.length === 0),
        },
        ...(account
          ? [
              {
                key: "shares",
                figure: formatShares(claimable),
                title: "Subscribed shares to claim",
                detail:
                  subscribed > 0
                    ? `From ${subscribed} offering${subscribed === 1 ? "" : "s"}; claimable once the window has ended.`
                    : "No subscription waiting.",
                target: "offerings-title",
                ...calmWhen(claimable === 0n),
              },
              amountsItem("returns", "Returns to claim", returns, "my-returns-title"),
              {
                key: "statement",
                figure: "CSV",
                title: "Subscriptions and statement",
                detail: "Every subscription and returns claim of this account.",
                target: "statement-title",
                tone: "calm" as const,
              },
            ]
          : []),
      ]}
    />
  );
}
