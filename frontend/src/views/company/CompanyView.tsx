import { formatDate } from "@fef/sdk/format";

import { AccountActivity } from "../../components/AccountActivity";
import { AddressLabel } from "../../components/AddressLabel";
import { IndexerExport } from "../../components/IndexerExport";

import { useFeedLogs } from "../../hooks/useFeed";
import { useFund } from "../../hooks/useFund";
import { eventsOf } from "../../hooks/useHistory";
import { MAX_IDS, useCommitmentsByIds, useCompaniesByIds } from "../../hooks/useLensReads";
import { usePeriodRecord } from "../../hooks/usePeriodRecord";
import { useRoleIndex } from "../../hooks/useRoles";
import { paymentsCsv } from "../../lib/historyCsv";
import { CommitmentCard } from "./CommitmentCard";
import { CompanyHome } from "./CompanyHome";
import { PromiseForm } from "./PromiseForm";
import { RegisterCompany } from "./RegisterCompany";
import { SignerManager } from "./SignerManager";

/** Register, sign and submit a PFR, see periods due, report and pay, and the compliance record. */
export function CompanyView() {
  const { account } = useFund();
  const roles = useRoleIndex();
  const logs = useFeedLogs(account !== undefined);
  const companyIds = account ? roles.companiesOf(account).slice(0, MAX_IDS) : [];
  const companies = useCompaniesByIds(companyIds, account);
  const mine = (companies.data ?? []).filter((c) => c.viewerIsSigner);
  const mineIds = mine.map((c) => c.id);
  const commitmentIds = eventsOf(logs, "CommitmentRegistered")
    .filter((l) => mineIds.includes(l.args.companyId))
    .map((l) => l.args.commitmentId)
    .sort((a, b) => (a < b ? 1 : -1))
    .slice(0, MAX_IDS);
  const commitments = useCommitmentsByIds(commitmentIds);
  const record = usePeriodRecord(commitmentIds);

  if (!account) return <p className="notice">Connect the company's admin or signer account.</p>;
  return (
    <div className="stack">
      {mine.length > 0 ? <CompanyHome commitments={commitments.data ?? []} /> : null}
      <section className="card" aria-labelledby="my-commitments-title">
        <h2 id="my-commitments-title">Commitments, periods due and compliance</h2>
        {commitmentIds.length === 0 ? <p className="muted">No commitment yet.</p> : null}
        {(commitments.data ?? []).map((row) => (
          <CommitmentCard key={row.id.toString()} row={row} record={record} />
        ))}
      </section>
      <section className="card" aria-labelledby="my-companies-title">
        <h2 id="my-companies-title">My companies</h2>
        {mine.length === 0 ? (
          <p className="muted">This account administers or signs for no company (in the loaded history).</p>
        ) : null}
        <ul className="plain">
          {mine.map((c) => (
            <li key={c.id.toString()} data-testid={`my-company-${c.id}`}>
              <h3>
                #{c.id.toString()} {c.company.name}
              </h3>
              <p className="muted">
                {c.company.uri} · admin <AddressLabel address={c.company.admin} /> · registered{" "}
                {formatDate(c.company.registeredAt)}
              </p>
              {c.company.admin.toLowerCase() === account.toLowerCase() ? <SignerManager company={c} /> : null}
              <div className="row">
                <IndexerExport
                  label="Export payments (CSV: on time, late, overdue)"
                  filename={`payments-company-${c.id}.csv`}
                  testId={`export-payments-${c.id}`}
                  build={(client) => paymentsCsv(client, c.id, BigInt(Math.floor(Date.now() / 1000)))}
                />
              </div>
            </li>
          ))}
        </ul>
      </section>
      <PromiseForm companies={mine} />
      <RegisterCompany />
      <AccountActivity account={account} />
    </div>
  );
}
