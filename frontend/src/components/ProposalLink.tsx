import type { ApplicationProposal } from "@fef/sdk/applicationProposals";
import { shortHash } from "@fef/sdk/format";
import { checkUri } from "@fef/sdk/uri";

/**
 * An application's proposal: its link (clickable when it is a web address) and content hash, read
 * from the application's event; "loading" while the history has not delivered it yet.
 */
export function ProposalLink({ proposal }: { readonly proposal: ApplicationProposal | undefined }) {
  if (!proposal) return <span className="muted">proposal link loading from history…</span>;
  const checked = checkUri(proposal.uri);
  const web = checked.ok && /^https?:\/\//i.test(checked.uri);
  return (
    <>
      {web ? (
        <a className="break" href={proposal.uri} target="_blank" rel="noopener noreferrer">
          {proposal.uri}
        </a>
      ) : (
        <span className="break">{proposal.uri}</span>
      )}
      <br />
      <span className="muted">content {shortHash(proposal.contentHash)}</span>
    </>
  );
}
