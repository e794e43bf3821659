import { claimAwardShares, claimStipend, refundDeposit } from "@fef/sdk/actions/grants";
import { ETH_ADDRESS, findAsset } from "@fef/sdk/assets";
import { formatAmount, formatBps, formatShares } from "@fef/sdk/format";
import {
  applicationStatusLabel,
  ApplicationStatus,
  depositRefundable,
  estimatesSummary,
  phaseLabels,
  roundPhase,
} from "@fef/sdk/status";

import { ActionButton } from "../../components/ActionButton";
import { Fact } from "../../components/Fact";
import { ProposalLink } from "../../components/ProposalLink";
import { VestingChart } from "../../components/charts/VestingChart";
import { useFund } from "../../hooks/useFund";
import { MAX_IDS, useApplicationsByIds } from "../../hooks/useLensReads";
import { useProposals } from "../../hooks/useProposals";
import { useRoleIndex } from "../../hooks/useRoles";

/** The researcher's applications (found from ApplicationSubmitted events) with status, award, vesting and claims. */
export function MyApplications() {
  const { system, account, snapshot, now, assets } = useFund();
  const roles = useRoleIndex();
  const ids = account ? roles.applicationsOf(account).slice(0, MAX_IDS) : [];
  const mine = useApplicationsByIds(ids, account);
  const proposals = useProposals(ids);
  if (!system || !snapshot) return null;
  const rows = mine.data ?? [];

  return (
    <section className="card" aria-labelledby="my-apps-title">
      <h2 id="my-apps-title">My applications</h2>
      {ids.length === 0 ? (
        <p className="muted">This account has not applied yet (in the loaded history).</p>
      ) : null}
      {rows.map((a) => {
        const x = a.application;
        const round = snapshot.rounds.find((r) => r.id === x.roundId)?.round;
        const phase = round ? roundPhase({ status: round.status, ...round.params }, now) : undefined;
        const stipendAsset = round ? findAsset(assets, round.params.stipendAsset) : undefined;
        const sharesLabel = `Claim vested shares of application #${a.id}`;
        const stipendLabel = `Claim stipend of application #${a.id}`;
        const funded = x.status === ApplicationStatus.Funded || x.status === ApplicationStatus.Cancelled;
        const deposit = round?.params.applicationDeposit ?? 0n;
        const refundable =
          round !== undefined && depositRefundable(x, { status: round.status, applicationDeposit: deposit });
        return (
          <article key={a.id.toString()} className="application" data-testid={`my-application-${a.id}`}>
            <h3>
              #{a.id.toString()} {x.title} — round #{x.roundId.toString()}{" "}
              <span className="badge">{applicationStatusLabel(x.status)}</span>
              {phase ? <span className="badge">{phaseLabels[phase]}</span> : null}
            </h3>
            <p>
              <ProposalLink proposal={proposals.get(a.id.toString())} />
            </p>
            <dl className="figures">
              <Fact term="Effort">{x.effortMonths} months</Fact>
              <Fact term="Trustees' medians">{estimatesSummary(x, formatBps)}</Fact>
              <Fact term="Award" testId={`award-${a.id}`}>
                {funded ? formatShares(a.award) : "—"}
              </Fact>
              <Fact term="Claimable shares" testId={`claimable-shares-${a.id}`}>
                {formatShares(a.claimableShares)}
              </Fact>
              <Fact term="Stipend">
                {x.stipendRequested > 0n
                  ? `${formatAmount(a.stipendAward, stipendAsset)} granted of ${formatAmount(x.stipendRequested, stipendAsset)} asked; ${formatAmount(a.claimableStipend, stipendAsset)} claimable`
                  : "none asked"}
              </Fact>
            </dl>
            {funded && round ? (
              <VestingChart
                award={a.award}
                start={round.settledAt}
                cliff={round.params.vestingCliff}
                duration={round.params.vestingDuration}
                cancelledAt={x.cancelledAt}
                vested={a.vestedShares}
                claimed={x.sharesClaimed}
                now={now}
              />
            ) : null}
            {deposit > 0n ? (
              <div className="row">
                <span className="muted" data-testid={`deposit-${a.id}`}>
                  Deposit {formatAmount(deposit, findAsset(assets, ETH_ADDRESS))}:{" "}
                  {x.depositRefunded
                    ? "refunded"
                    : refundable
                      ? "refundable"
                      : "refundable once a trustee reveals an estimate for the application (or the round is closed); forfeited to the capital pool if none does"}
                </span>
                {refundable ? (
                  <ActionButton
                    label={`Refund the deposit of application #${a.id}`}
                    build={({ fund }) => refundDeposit(fund, a.id)}
                    testId={`refund-deposit-${a.id}`}
                  >
                    Refund deposit
                  </ActionButton>
                ) : null}
              </div>
            ) : null}
            {funded ? (
              <div className="row">
                <ActionButton
                  label={sharesLabel}
                  build={({ fund }) => claimAwardShares(fund, a.id)}
                  disabled={a.claimableShares === 0n}
                  testId={`claim-shares-${a.id}`}
                >
                  Claim vested shares
                </ActionButton>
                {a.stipendAward > 0n ? (
                  <ActionButton
                    label={stipendLabel}
                    build={({ fund }) => claimStipend(fund, a.id)}
                    options={stipendAsset ? { asset: stipendAsset } : undefined}
                    disabled={a.claimableStipend === 0n}
                    testId={`claim-stipend-${a.id}`}
                  >
                    Claim stipend
                  </ActionButton>
                ) : null}
              </div>
            ) : null}
          </article>
        );
      })}
    </section>
  );
}
