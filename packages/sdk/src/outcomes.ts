// What a confirmed transaction did, in plain words, from its receipt's logs: "You received 1,204.5
// shares", "Proposal #9 created". The dashboard shows these when a write is confirmed; any client may.
import { parseEventLogs, type Address, type Log } from "viem";

import { findAsset, type AssetInfo } from "./assets.ts";
import { executionOutcomes } from "./execution.ts";
import { fundAbis } from "./fundAbis.ts";
import { formatAmount, formatShares } from "./format.ts";

const abi = [
  ...fundAbis.FundShares,
  ...fundAbis.TrusteeCouncil,
  ...fundAbis.GrantRounds,
  ...fundAbis.CapitalPool,
  ...fundAbis.Offerings,
  ...fundAbis.ReturnsRegistry,
] as const;

const same = (a: string, b: string | undefined) => b !== undefined && a.toLowerCase() === b.toLowerCase();

/**
 * One sentence per thing the transaction did that its sender cares about, in the order of the logs.
 * `account` is the sender ("You received …"); amounts use `assets` for symbols and decimals.
 */
export function describeReceipt(
  logs: readonly Log[],
  options: { readonly account?: Address; readonly assets?: readonly AssetInfo[] } = {},
): string[] {
  const { account, assets = [] } = options;
  const amount = (value: bigint, asset: Address) => formatAmount(value, findAsset(assets, asset));
  const said: string[] = [];
  const events = parseEventLogs({ abi, logs: [...logs], strict: false });
  for (const event of events) {
    switch (event.eventName) {
      case "ProposalCreated":
        if (event.args.proposalId !== undefined) said.push(`Proposal #${event.args.proposalId} created.`);
        break;
      case "ProposalApproved":
        if (event.args.proposalId !== undefined)
          said.push(`You approved proposal #${event.args.proposalId}.`);
        break;
      case "ApprovalRevoked":
        if (event.args.proposalId !== undefined)
          said.push(`You withdrew your approval of proposal #${event.args.proposalId}.`);
        break;
      case "ApplicationSubmitted":
        if (event.args.applicationId !== undefined)
          said.push(`Application #${event.args.applicationId} submitted to round #${event.args.roundId}.`);
        break;
      case "EstimatesCommitted":
        said.push("Your sealed estimates are committed.");
        break;
      case "EstimateRevealed":
        said.push("Estimate revealed.");
        break;
      case "SharesClaimed":
        if (event.args.amount !== undefined && same(event.args.researcher ?? "", account))
          said.push(`You received ${formatShares(event.args.amount)}.`);
        break;
      case "SubscriptionSharesClaimed":
        if (event.args.shares !== undefined && same(event.args.investor ?? "", account))
          said.push(`You received ${formatShares(event.args.shares)}.`);
        break;
      case "StipendClaimed":
        if (event.args.amount !== undefined && event.args.asset !== undefined)
          said.push(`You received a stipend of ${amount(event.args.amount, event.args.asset)}.`);
        break;
      case "ReturnsClaimed":
        if (
          event.args.amount !== undefined &&
          event.args.asset !== undefined &&
          same(event.args.holder ?? "", account)
        )
          said.push(`You received ${amount(event.args.amount, event.args.asset)} of returns.`);
        break;
      case "DepositRefunded":
        if (event.args.amount !== undefined)
          said.push(
            `Your application deposit of ${amount(event.args.amount, "0x0000000000000000000000000000000000000000")} was refunded.`,
          );
        break;
      case "Subscribed":
        if (event.args.shares !== undefined && event.args.offeringId !== undefined)
          said.push(
            `You subscribed ${formatShares(event.args.shares)} in offering #${event.args.offeringId}.`,
          );
        break;
      case "OfferingSettled":
        if (event.args.capital !== undefined && event.args.asset !== undefined)
          said.push(
            `Offering #${event.args.offeringId} settled: ${amount(event.args.capital, event.args.asset)} moved to the capital pool.`,
          );
        break;
      case "ReturnsReported":
        if (event.args.paid !== undefined && event.args.asset !== undefined)
          said.push(
            `Period ${event.args.period} of Promise #${event.args.commitmentId} reported; ${amount(event.args.paid, event.args.asset)} paid to the Fund.`,
          );
        break;
      case "CommitmentRegistered":
        if (event.args.commitmentId !== undefined)
          said.push(`Promise #${event.args.commitmentId} registered.`);
        break;
      case "CompanyRegistered":
        if (event.args.companyId !== undefined) said.push(`Company #${event.args.companyId} registered.`);
        break;
      case "DonationReceived":
        if (event.args.amount !== undefined && event.args.asset !== undefined)
          said.push(`Thank you: ${amount(event.args.amount, event.args.asset)} donated to the Fund.`);
        break;
      default:
        break;
    }
  }
  for (const outcome of executionOutcomes(logs)) {
    said.push(
      outcome.executed
        ? `Proposal #${outcome.proposalId} executed.`
        : `Proposal #${outcome.proposalId} was executed but its action failed: ${outcome.message}`,
    );
  }
  return said;
}
