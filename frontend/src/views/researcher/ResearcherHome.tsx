import { formatDate, formatShares } from "@fef/sdk/format";
import { ApplicationStatus, plural, roundPhase } from "@fef/sdk/status";

import { AmountList, addTo } from "../../components/AmountList";
import { NeedsYou } from "../../components/NeedsYou";
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
  const anyStipend = [...stipends.values()].some((v) => v > 0n);
  const anyReturns = [...returns.values()].some((v) => v > 0n);

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
          ...(shares === 0n ? { tone: "calm" as const } : {}),
        },
        {
          key: "stipend",
          figure: <AmountList amounts={stipends} />,
          title: "Stipend to claim",
          target: "my-apps-title",
          ...(anyStipend ? {} : { tone: "calm" as const }),
        },
        {
          key: "returns",
          figure: <AmountList amounts={returns} />,
          title: "Returns to claim",
          target: "my-returns-title",
          ...(anyReturns ? {} : { tone: "calm" as const }),
        },
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
          ...(open.length === 0 ? { tone: "calm" as const } : {}),
        },
      ]}
    />
  );
}
