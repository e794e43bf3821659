import { formatDate, formatShares } from "@fef/sdk/format";
import { ApplicationStatus, plural, roundPhase } from "@fef/sdk/status";

import { addTo } from "../../components/AmountList";
import { NeedsYou } from "../../components/NeedsYou";
import { amountsItem, calmWhen } from "../../components/needItems";
import { useClaimableReturns } from "../../hooks/useClaimableReturns";
import { useFund } from "../../hooks/useFund";
import { MAX_IDS, useApplicationsByIds } from "../../hooks/useLensReads";
import { useRoleIndex } from "../../hooks/useRoles";

/** What a researcher can do now: claim shares, stipend and returns; then applications and open rounds. */
export function ResearcherHome() {
  const { snapshot, account, now } = useFund();
  const roles = useRoleIndex();
  const ids = account ? roles.applicationsOf(account).slice(0, MAX_IDS) : [];
  const mine = useApplicationsByIds(ids, account).data ?? [];
  const returns = useClaimableReturns();
  if (!snapshot || !account) return null;

  let shares = 0n;
  const stipends = new Map<string, bigint>();
  for (const a of mine) {
    shares += a.claimableShares;
    const round = snapshot.rounds.find((r) => r.id === a.application.roundId)?.round;
    if (round) addTo(stipends, round.params.stipendAsset, a.claimableStipend);
  }
  const funded = mine.filter((a) => Number(a.application.status) === ApplicationStatus.Funded).length;
  const open = snapshot.rounds.filter(
    (r) => roundPhase({ status: r.round.status, ...r.round.params }, now) === "applying",
  );
  const closesFirst = open.map((r) => r.round.params.applicationDeadline).sort((a, b) => (a < b ? -1 : 1))[0];

  return (
    <NeedsYou
      title="What you can claim and do"
      testId="researcher-home"
      items={[
        {
          key: "shares",
          figure: formatShares(shares),
          title: "Vested shares to claim",
          target: "my-apps-title",
          ...calmWhen(shares === 0n),
        },
        amountsItem("stipend", "Stipend to claim", stipends, "my-apps-title"),
        amountsItem("returns", "Returns to claim", returns, "my-returns-title"),
        {
          key: "applications",
          figure: mine.length,
          title: mine.length === 1 ? "Application" : "Applications",
          detail: `${funded} funded.`,
          target: "my-apps-title",
          tone: "calm",
        },
        {
          key: "rounds",
          figure: open.length,
          title: open.length === 1 ? "Round taking applications" : "Rounds taking applications",
          detail:
            closesFirst !== undefined
              ? `Apply by ${formatDate(closesFirst)}.`
              : `No round takes applications now (${plural(snapshot.fund.roundCount, "round")} so far).`,
          target: "apply-title",
          ...calmWhen(open.length === 0),
        },
      ]}
    />
  );
}
