import type { ApplicationProposal } from "@fef/sdk/applicationProposals";
import { shortHash } from "@fef/sdk/format";

import { UriLink } from "./UriLink";

/**
 * An application's proposal: its link (clickable when it is a web address) and content hash, read
 * from the application's event; "loading" while the history has not delivered it yet.
 */
export function ProposalLink({ proposal }: { readonly proposal: ApplicationProposal | undefined }) {
  if (!proposal) return <span className="muted">proposal link loading from history…</span>;
  return (
    <>
      <UriLink uri={proposal.uri} />
      <br />
      <span className="muted">content {shortHash(proposal.contentHash)}</span>
    </>
  );
}
