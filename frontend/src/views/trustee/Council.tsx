import { formatDuration } from "@fef/sdk/format";
import { plural } from "@fef/sdk/status";

import { useFund } from "../../hooks/useFund";

export function Council() {
  const { snapshot, account } = useFund();
  if (!snapshot) return null;
  const f = snapshot.fund;
  return (
    <section className="card" aria-labelledby="council-title">
      <h2 id="council-title">Council</h2>
      <p data-testid="council-threshold">
        {f.threshold.toString()} of {plural(f.trustees.length, "trustee")} must approve a proposal; proposals
        stay open for {formatDuration(f.proposalLifetime)}.
      </p>
      <ul className="plain">
        {f.trustees.map((t) => (
          <li key={t}>
            <code>{t}</code>
            {account && t.toLowerCase() === account.toLowerCase() ? <span className="badge">you</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
