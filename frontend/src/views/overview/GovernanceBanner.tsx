import { formatDate, formatDuration } from "@fef/sdk/format";
import { moduleNames } from "@fef/sdk/proposals";
import { migrationState, pauseStatus } from "@fef/sdk/status";

import { useFund } from "../../hooks/useFund";
import { AddressLabel } from "../../components/AddressLabel";

const moduleLabels: Readonly<Record<(typeof moduleNames)[number], string>> = {
  GrantRounds: "grant-rounds",
  Offerings: "offerings",
  ReturnsRegistry: "returns registry",
};

/**
 * What everyone should see first: a running pause and when it lapses by itself, and every announced
 * module migration with the time from which anyone may carry it out (the council may cancel it until then).
 */
export function GovernanceBanner() {
  const { snapshot, now } = useFund();
  if (!snapshot) return null;
  const f = snapshot.fund;
  const pause = pauseStatus(f, now);
  const migrations = f.migrations
    .map((m, index) => ({ ...m, module: moduleNames[index], state: migrationState(m, now) }))
    .filter((m) => m.state !== "none");
  if (!pause.paused && migrations.length === 0) return null;
  return (
    <section
      className="card banner"
      role="status"
      aria-label="Governance notices"
      data-testid="governance-banner"
    >
      {pause.paused ? (
        <p data-testid="pause-lapse">
          The Fund is paused: inflows and minting are stopped, claims keep working. The pause lapses by itself
          on {formatDate(pause.endsAt)} (in {formatDuration(pause.remaining)}) unless the trustees renew it.
        </p>
      ) : null}
      {migrations.map((m) => (
        <p key={m.module} data-testid={`migration-${m.module}`}>
          Module migration announced: the {m.module ? moduleLabels[m.module] : "unknown"} module is to be
          replaced by <AddressLabel address={m.newModule} />
          {m.retireOld
            ? " (the old module loses its roles)"
            : " (the old module keeps its roles to finish its business)"}
          .{" "}
          {m.state === "pending"
            ? `Effective from ${formatDate(m.effectiveAt)}; the trustees may cancel it until then.`
            : `Effective since ${formatDate(m.effectiveAt)}: anyone may carry it out now.`}{" "}
          See docs/migration.md.
        </p>
      ))}
    </section>
  );
}
