// Plain-words messages for every custom error the Fund's contracts can revert with (and the library
// errors they can bubble up). `npm run lint` (packages/sdk/scripts/check-error-messages.mjs) fails when
// a custom error of the generated ABIs has no message here, or a message does not render.
import type { Address, Hex } from "viem";

/** How messages format their arguments (amounts with decimals, dates, names). */
export interface ErrorFormat {
  address(account: Address): string;
  /** An amount of `asset`; without an asset, of the asset the transaction was about. */
  amount(value: bigint, asset?: Address): string;
  /** An amount of ETH (msg.value). */
  eth(value: bigint): string;
  shares(value: bigint): string;
  date(seconds: bigint): string;
  duration(seconds: bigint): string;
  bps(value: bigint): string;
  actionKind(kind: number): string;
  roundStatus(status: number): string;
  role(role: Hex): string;
  asset(asset: Address): string;
}

/** Typed access to a decoded error's arguments. */
export class ErrorArgs {
  readonly values: readonly unknown[];

  constructor(values: readonly unknown[] | undefined) {
    this.values = values ?? [];
  }

  private at(index: number): unknown {
    return this.values[index];
  }

  address(index: number): Address {
    const v = this.at(index);
    return typeof v === "string" ? (v as Address) : ("0x?" as Address);
  }

  uint(index: number): bigint {
    const v = this.at(index);
    if (typeof v === "bigint") return v;
    if (typeof v === "number") return BigInt(v);
    return 0n;
  }

  num(index: number): number {
    return Number(this.uint(index));
  }

  text(index: number): string {
    const v = this.at(index);
    return typeof v === "string" ? v : "?";
  }

  hex(index: number): Hex {
    const v = this.at(index);
    return typeof v === "string" ? (v as Hex) : "0x";
  }

  id(index: number): string {
    return `#${this.uint(index).toString()}`;
  }
}

type Message = (a: ErrorArgs, f: ErrorFormat) => string;

/** `ITrusteeCouncil.Module` in words. */
function moduleLabel(value: number): string {
  return ["grant-rounds", "offerings", "returns registry"][value] ?? `number ${value}`;
}

export const errorMessages: Readonly<Record<string, Message>> = {
  // ------------------------------------------------------------ trustee council
  CouncilNotTrustee: (a, f) => `${f.address(a.address(0))} is not a trustee, so it cannot do this.`,
  CouncilNotDeployer: (a, f) =>
    `Only the deployer may wire the system contracts, and ${f.address(a.address(0))} is not the deployer.`,
  CouncilAlreadyBound: () =>
    "The council is already wired to the Fund's contracts; this can happen only once.",
  CouncilNotBound: () => "The council has not been wired to the Fund's contracts yet.",
  CouncilInvalidTrustee: (a, f) => `${f.address(a.address(0))} cannot be a trustee.`,
  CouncilDuplicateTrustee: (a, f) => `${f.address(a.address(0))} is already a trustee.`,
  CouncilTooManyTrustees: (a) =>
    `The council would have ${a.uint(0)} trustees, but it may have at most ${a.uint(1)}.`,
  CouncilInvalidThreshold: (a) =>
    `A threshold of ${a.uint(0)} is not possible with ${a.uint(1)} trustees: it must be at least 1 and at most the number of trustees.`,
  CouncilInvalidLifetime: (a, f) => `A proposal lifetime of ${f.duration(a.uint(0))} is not allowed.`,
  CouncilUnknownProposal: (a) => `Proposal ${a.id(0)} does not exist.`,
  CouncilProposalExpired: (a, f) =>
    `Proposal ${a.id(0)} expired on ${f.date(a.uint(1))}; create a new proposal instead.`,
  CouncilProposalAlreadyExecuted: (a) => `Proposal ${a.id(0)} has already been executed.`,
  CouncilAlreadyApproved: (a, f) => `${f.address(a.address(1))} has already approved proposal ${a.id(0)}.`,
  CouncilNotApproved: (a, f) =>
    `${f.address(a.address(1))} has not approved proposal ${a.id(0)}, so there is no approval to withdraw.`,
  CouncilInsufficientApprovals: (a) =>
    `Proposal ${a.id(0)} has ${a.uint(1)} of the ${a.uint(2)} approvals from current trustees it needs before it can be executed.`,
  CouncilNotSystemContract: (a, f) =>
    `${f.address(a.address(0))} is not one of the Fund's contracts; the council only ever calls its own system.`,
  CouncilOnlySelf: (a, f) =>
    `Only the council itself, through an executed proposal, may do this — not ${f.address(a.address(0))}.`,
  CouncilInvalidArgs: (a, f) =>
    `The proposal's arguments are not valid for a "${f.actionKind(a.num(0))}" action (wrong shape, a value out of range, or an empty title, URI or hash).`,
  CouncilUnknownApplication: (a) =>
    `Application ${a.id(0)} does not exist in the grant-rounds module, so no technique can name it as its source.`,
  CouncilInvalidModule: (a, f) =>
    `${f.address(a.address(1))} cannot replace the ${moduleLabel(a.num(0))} module: it has no code, is already one of the Fund's contracts, or answers to another council.`,
  CouncilMigrationPending: (a, f) =>
    `A migration of the ${moduleLabel(a.num(0))} module to ${f.address(a.address(1))} is already announced (effective ${f.date(a.uint(2))}); cancel it first.`,
  CouncilNoPendingMigration: (a) => `No migration of the ${moduleLabel(a.num(0))} module is announced.`,
  CouncilMigrationNotReady: (a, f) =>
    `The migration of the ${moduleLabel(a.num(0))} module can be carried out from ${f.date(a.uint(1))} on, not before.`,
  CouncilInvalidMigrationDelay: (a, f) => `A migration delay of ${f.duration(a.uint(0))} is not allowed.`,
  CouncilInvalidOutcomeHorizon: (a, f) =>
    `An outcome horizon of ${f.duration(a.uint(0))} is not allowed: it must be between ${f.duration(a.uint(1))} and ${f.duration(a.uint(2))} after settlement.`,
  CouncilApplicationNotFunded: (a) =>
    `Application ${a.id(0)} was not funded, so it has no outcome for the council to resolve.`,
  CouncilRoundNotSettled: (a) =>
    `Round ${a.id(0)} has not been settled yet: an outcome can be resolved only once the round is settled.`,
  CouncilOutcomeAlreadyResolved: (a) =>
    `The council already resolved the outcome of application ${a.id(0)} (as ${a.num(1) === 1 ? "paid off" : "did not pay off"}); a resolution is final.`,
  CouncilExecutionOutOfGas: (a) =>
    `Proposal ${a.id(0)} was sent with too little gas for its action; nothing was recorded. Send it again with more gas.`,

  // ------------------------------------------------------------ share ledger
  FundSharesTransfersDisabled: (a, f) =>
    `Share transfers are switched off: ${f.address(a.address(0))} cannot send shares to ${f.address(a.address(1))}.`,
  FundSharesUnknownAsset: (a, f) => `${f.asset(a.address(0))} is not a returns asset of the Fund.`,
  FundSharesAssetAlreadyAdded: (a, f) => `${f.asset(a.address(0))} is already a returns asset.`,
  FundSharesTooManyAssets: (a) =>
    `The Fund already has the most returns assets allowed (${a.uint(0)}, ETH included).`,
  FundSharesInvalidAsset: (a, f) =>
    `${f.address(a.address(0))} is not a contract, so it cannot be an ERC-20 returns asset.`,
  FundSharesWrongValue: (a, f) =>
    `The ETH sent (${f.eth(a.uint(1))}) does not match the amount declared (${f.eth(a.uint(0))}).`,
  FundSharesZeroAmount: () => "The amount is zero (or the token transfer delivered nothing).",
  FundSharesLimitExceeded: (a) => `The value ${a.uint(0)} is above the documented limit of ${a.uint(1)}.`,
  FundSharesNothingToClaim: (a, f) =>
    `${f.address(a.address(0))} has no returns to claim in ${f.asset(a.address(1))}.`,
  FundSharesNothingToClaimAny: (a, f) => `${f.address(a.address(0))} has no returns to claim in any asset.`,
  FundSharesPaused: (a, f) =>
    `The Fund is paused until ${f.date(a.uint(0))} (unless the trustees end or renew the pause): inflows and minting are stopped, claims keep working.`,
  FundSharesNotPaused: () => "The Fund is not paused, so there is no pause to end or renew.",
  FundSharesNothingHeld: (a, f) =>
    `No returns in ${f.asset(a.address(0))} are held, so there is nothing to move.`,
  FundSharesInvalidCapitalPool: () => "The share ledger needs the address of the capital pool.",
  FundSharesInvalidPauseDuration: (a, f) => `A pause lapse of ${f.duration(a.uint(0))} is not allowed.`,

  // ------------------------------------------------------------ capital pool
  CapitalPoolWrongValue: (a, f) =>
    `The ETH sent (${f.eth(a.uint(1))}) does not match the deposit (${f.eth(a.uint(0))}).`,
  CapitalPoolUnbackedDeposit: (a, f) =>
    `The capital pool holds only ${f.amount(a.uint(1), a.address(0))}, not the ${f.amount(a.uint(2), a.address(0))} the deposit claims.`,
  CapitalPoolInsufficientCapital: (a, f) =>
    `The capital pool has ${f.amount(a.uint(1), a.address(0))} available, less than the ${f.amount(a.uint(2), a.address(0))} needed.`,
  CapitalPoolInsufficientReserve: (a, f) =>
    `The stipend reserve holds ${f.amount(a.uint(1), a.address(0))}, less than the ${f.amount(a.uint(2), a.address(0))} needed.`,
  CapitalPoolZeroAmount: () => "The amount is zero.",
  CapitalPoolNotStray: (a, f) =>
    `Only ${f.amount(a.uint(2), a.address(0))} of ${f.asset(a.address(0))} in the capital pool lies outside its capital, so ${f.amount(a.uint(1), a.address(0))} cannot be returned (the recipient must be set and the amount above zero).`,

  // ------------------------------------------------------------ share-issuing modules (grant rounds, offerings)
  ShareIssuerZeroAddress: (a, f) =>
    `The module cannot be deployed without its council, share ledger and capital pool, and one of them is the zero address (council ${f.address(a.address(0))}, ledger ${f.address(a.address(1))}, pool ${f.address(a.address(2))}).`,

  // ------------------------------------------------------------ grant rounds
  GrantRoundsNotCouncil: (a, f) =>
    `Only the trustee council may do this (through a proposal); ${f.address(a.address(0))} is not the council.`,
  GrantRoundsNotTrustee: (a, f) =>
    `${f.address(a.address(0))} is not a current trustee, so it cannot submit estimates.`,
  GrantRoundsInvalidParams: () =>
    "The round's terms are not valid: check that the deadlines are in order (applications < commits < reveals, in the future), the vesting duration is positive and at least the cliff, the share pool is not zero, and the stipend budget and application deposit are within their bounds.",
  GrantRoundsUnknownRound: (a) => `Round ${a.id(0)} does not exist.`,
  GrantRoundsUnknownApplication: (a) => `Application ${a.id(0)} does not exist.`,
  GrantRoundsWrongPhase: (a, f) =>
    `Round ${a.id(0)} is not in the right phase for this: it is now ${f.date(a.uint(1))}, and this step is open from ${f.date(a.uint(2))} until ${f.date(a.uint(3))}.`,
  GrantRoundsRoundNotOpen: (a, f) => `Round ${a.id(0)} is ${f.roundStatus(a.num(1))}, not open.`,
  GrantRoundsInvalidApplication: () =>
    "The application is not valid: it needs a non-zero content hash and an effort between 1 and 1,200 research-months.",
  GrantRoundsStipendAboveBudget: (a, f) =>
    a.uint(1) === 0n
      ? "This round pays no stipends: request a stipend of 0."
      : `The stipend requested (${f.amount(a.uint(0))}) is more than the round's whole stipend budget (${f.amount(a.uint(1))}).`,
  GrantRoundsInvalidTitle: (a) =>
    `The application title must be 1 to ${a.uint(1)} bytes long; this one is ${a.uint(0)} bytes.`,
  GrantRoundsInvalidUri: (a) =>
    `The proposal URI must be 1 to ${a.uint(1)} bytes long; this one is ${a.uint(0)} bytes.`,
  GrantRoundsWrongDeposit: (a, f) =>
    `An application to this round pays a deposit of exactly ${f.eth(a.uint(0))}; ${f.eth(a.uint(1))} was sent.`,
  GrantRoundsInvalidSealedEstimate: (a) =>
    `That is not a sealed estimate for application ${a.id(0)}: seal the estimate locally (a zero value, or one shaped like revealed values, is refused).`,
  GrantRoundsRecused: (a, f) =>
    `${f.address(a.address(1))} is the researcher of application ${a.id(0)} and may not estimate it (recusal).`,
  GrantRoundsInvalidBatch: (a) =>
    `A batch must hold between 1 and ${a.uint(1)} applications; this one holds ${a.uint(0)}.`,
  GrantRoundsBatchLengthMismatch: (a) =>
    `The batch lists ${a.uint(0)} applications but ${a.uint(1)} sealed estimates: one per application is needed.`,
  GrantRoundsMixedRounds: (a) =>
    `Application ${a.id(1)} is not in round ${a.id(0)}: a batch holds applications of one round only.`,
  GrantRoundsNotEstimated: (a) =>
    `No trustee estimated application ${a.id(0)}: it is unfunded already and needs no finalization.`,
  GrantRoundsNoDepositToRefund: (a) =>
    `Application ${a.id(0)} has no deposit to refund: it was refunded already, the round asked none, or no trustee estimated the application (its deposit goes to the capital pool).`,
  GrantRoundsAlreadyCommitted: (a, f) =>
    `${f.address(a.address(1))} has already committed an estimate for application ${a.id(0)}.`,
  GrantRoundsNoSealedEstimate: (a, f) =>
    `${f.address(a.address(1))} committed no estimate for application ${a.id(0)}, so there is nothing to reveal.`,
  GrantRoundsAlreadyRevealed: (a, f) =>
    `${f.address(a.address(1))} has already revealed its estimate for application ${a.id(0)}.`,
  GrantRoundsSealMismatch: (a, f) =>
    `The estimate and salt do not match what ${f.address(a.address(1))} committed for application ${a.id(0)}.`,
  GrantRoundsAlreadyFinalized: (a) => `Application ${a.id(0)} is already finalized.`,
  GrantRoundsNotAllFinalized: (a) =>
    `Round ${a.id(0)} cannot be settled yet: ${a.uint(1)} of its ${a.uint(2)} estimated applications are finalized.`,
  GrantRoundsNotResearcher: (a, f) =>
    `${f.address(a.address(1))} is not the researcher of application ${a.id(0)}.`,
  GrantRoundsNotFunded: (a) => `Application ${a.id(0)} is not funded.`,
  GrantRoundsNothingToClaim: (a) => `Application ${a.id(0)} has nothing vested left to claim right now.`,
  GrantRoundsAlreadyCancelled: (a) => `The grant of application ${a.id(0)} is already cancelled.`,
  GrantRoundsPaused: () => "The Fund is paused: no round opens or settles until the trustees unpause it.",
  GrantRoundsNotSettled: (a) => `Round ${a.id(0)} has not been settled yet.`,
  GrantRoundsStipendsFixed: (a) =>
    `Round ${a.id(0)}'s stipends can no longer be topped up: its vesting has begun (or it has no cliff), or one of its grants was cancelled.`,
  GrantRoundsNothingToTopUp: (a) =>
    `Nothing to top up for round ${a.id(0)}: its assessed stipends are fully reserved, or the capital pool has no available capital in its stipend asset.`,

  // ------------------------------------------------------------ offerings
  OfferingsNotCouncil: (a, f) =>
    `Only the trustee council may do this (through a proposal); ${f.address(a.address(0))} is not the council.`,
  OfferingsInvalidParams: () =>
    "The offering's terms are not valid: check the price and cap are positive, the minimum is at most the cap, the window ends after it starts and in the future, and the asset is a returns asset.",
  OfferingsUnknownOffering: (a) => `Offering ${a.id(0)} does not exist.`,
  OfferingsNotStarted: (a, f) => `Offering ${a.id(0)} opens on ${f.date(a.uint(1))}.`,
  OfferingsEnded: (a, f) => `Offering ${a.id(0)} ended on ${f.date(a.uint(1))}.`,
  OfferingsClosed: (a) => `Offering ${a.id(0)} was closed by the trustees.`,
  OfferingsBelowMinimum: (a, f) =>
    `${f.shares(a.uint(0))} is below this offering's minimum subscription of ${f.shares(a.uint(1))}.`,
  OfferingsCapExceeded: (a, f) =>
    `${f.shares(a.uint(0))} is more than the ${f.shares(a.uint(1))} still available in this offering.`,
  OfferingsNotAllowlisted: (a, f) =>
    `${f.address(a.address(1))} is not on the allowlist of offering ${a.id(0)} (or the proof is wrong).`,
  OfferingsWrongPayment: (a, f) =>
    `The payment (${f.amount(a.uint(1))}) does not match the cost of the shares (${f.amount(a.uint(0))}).`,
  OfferingsPaused: () => "The Fund is paused: no subscriptions are accepted until the trustees unpause it.",
  OfferingsWindowOpen: (a, f) =>
    `The window of offering ${a.id(0)} runs until ${f.date(a.uint(1))}: its shares can be claimed and its capital settled into the capital pool only after that, or once the trustees close it.`,
  OfferingsAlreadySettled: (a) =>
    `Offering ${a.id(0)} is already settled: its capital is in the capital pool, so there is nothing left to move.`,
  OfferingsShortDelivery: (a, f) =>
    `${f.asset(a.address(0))} delivered ${f.amount(a.uint(2), a.address(0))} instead of ${f.amount(a.uint(1), a.address(0))}: tokens that take a fee on transfer are not supported.`,
  OfferingsNothingToClaim: (a, f) =>
    `${f.address(a.address(1))} has no unclaimed shares in offering ${a.id(0)}.`,
  OfferingsNotStray: (a, f) =>
    `Only ${f.amount(a.uint(2), a.address(0))} of ${f.asset(a.address(0))} in Offerings lies outside the escrow of unsettled offerings, so ${f.amount(a.uint(1), a.address(0))} cannot be returned (the recipient must be set and the amount above zero).`,

  // ------------------------------------------------------------ returns registry
  ReturnsRegistryNotCouncil: (a, f) =>
    `Only the trustee council may do this (through a proposal); ${f.address(a.address(0))} is not the council.`,
  ReturnsRegistryTooLong: (a) =>
    `The ${a.text(0)} is too long: ${a.uint(1)}, where at most ${a.uint(2)} is allowed (${a.text(0) === "applicationIds" ? "applications" : "bytes"}).`,
  ReturnsRegistryInvalidTechnique: () =>
    "The technique is not valid: it needs a title, a URI and a content hash.",
  ReturnsRegistryUnknownTechnique: (a) => `Technique ${a.id(0)} does not exist.`,
  ReturnsRegistryTechniqueRetired: (a) => `Technique ${a.id(0)} is retired and takes no new commitments.`,
  ReturnsRegistryInvalidCompany: () =>
    "The company is not valid: it needs a name and a non-zero admin address.",
  ReturnsRegistryUnknownCompany: (a) => `Company ${a.id(0)} does not exist.`,
  ReturnsRegistryNotCompanyAdmin: (a, f) =>
    `${f.address(a.address(1))} is not the admin of company ${a.id(0)}.`,
  ReturnsRegistryNotCompanySigner: (a, f) =>
    `${f.address(a.address(1))} may not sign or report for company ${a.id(0)}.`,
  ReturnsRegistryInvalidTerms: () =>
    "The promise's terms are not valid: check the returns share (1–10,000 bps), that the end is after the start, the period length fits at least one period, and at least one technique is listed.",
  ReturnsRegistrySignatureExpired: (a, f) =>
    `The signature expired on ${f.date(a.uint(0))}; sign the promise again.`,
  ReturnsRegistryNonceUsed: (a) =>
    `Nonce ${a.uint(1)} of company ${a.id(0)} has already been used or invalidated; sign again with a new nonce.`,
  ReturnsRegistryNonceFloorNotRaised: (a) =>
    `Every nonce of company ${a.id(0)} below ${a.uint(1)} is already invalidated; a new floor must be higher than that, not ${a.uint(2)}.`,
  ReturnsRegistryInvalidSignature: (a, f) =>
    `The signature is not a valid signature of these terms by ${f.address(a.address(0))}.`,
  ReturnsRegistryUnknownCommitment: (a) => `Commitment ${a.id(0)} does not exist.`,
  ReturnsRegistryPeriodOutOfOrder: (a) =>
    `Periods of commitment ${a.id(0)} are reported in order: the next one is period ${a.uint(1)}, not ${a.uint(2)}.`,
  ReturnsRegistryPeriodNotEnded: (a, f) =>
    `Period ${a.uint(1)} of commitment ${a.id(0)} ends on ${f.date(a.uint(2))}; it can be reported after that.`,
  ReturnsRegistryNoSuchPeriod: (a) =>
    `Commitment ${a.id(0)} has ${a.uint(2)} periods, so period ${a.uint(1)} does not exist.`,
  ReturnsRegistryWrongPayment: (a, f) =>
    `The payment (${f.amount(a.uint(1))}) does not match the amount due (${f.amount(a.uint(0))}).`,
  ReturnsRegistryNotReported: (a) => `Period ${a.uint(1)} of commitment ${a.id(0)} has not been reported.`,
  ReturnsRegistryAlreadyDisputed: (a) => `Period ${a.uint(1)} of commitment ${a.id(0)} is already disputed.`,
  ReturnsRegistryNotDisputed: (a) => `Period ${a.uint(1)} of commitment ${a.id(0)} is not disputed.`,
  ReturnsRegistryUnknownAsset: (a, f) => `${f.asset(a.address(0))} is not a returns asset of the Fund.`,
  ReturnsRegistryZeroDonation: () => "A donation must be more than zero.",
  ReturnsRegistryPaused: () =>
    "The Fund is paused and takes no payments until the trustees unpause it (reports of zero returns still work).",

  // ------------------------------------------------------------ lens
  FundLensInvalidCouncil: (a, f) => `${f.address(a.address(0))} is not a council contract.`,
  FundLensSystemNotBound: () => "The council has not been wired to the Fund's contracts yet.",
  FundLensPageTooLarge: (a) =>
    `A page of ${a.uint(0)} items was asked for; at most ${a.uint(1)} are allowed.`,

  // ------------------------------------------------------------ OpenZeppelin
  AccessControlUnauthorizedAccount: (a, f) =>
    `${f.address(a.address(0))} lacks the ${f.role(a.hex(1))} needed for this.`,
  AccessControlBadConfirmation: () => "An account may only renounce a role for itself.",
  ReentrancyGuardReentrantCall: () =>
    "A reentrant call was blocked: the contract was called again in the middle of a payment.",
  SafeERC20FailedOperation: (a, f) => `The token ${f.asset(a.address(0))} refused the transfer.`,
  SafeERC20FailedDecreaseAllowance: (a, f) =>
    `The allowance of ${f.address(a.address(0))} is ${f.amount(a.uint(1))}, less than the decrease of ${f.amount(a.uint(2))}.`,
  ERC20InsufficientBalance: (a, f) =>
    `${f.address(a.address(0))} holds ${f.amount(a.uint(1))} but ${f.amount(a.uint(2))} is needed.`,
  ERC20InsufficientAllowance: (a, f) =>
    `${f.address(a.address(0))} may spend only ${f.amount(a.uint(1))} of your tokens, but ${f.amount(a.uint(2))} is needed: approve more first.`,
  ERC20InvalidSender: (a, f) => `${f.address(a.address(0))} cannot send tokens.`,
  ERC20InvalidReceiver: (a, f) => `${f.address(a.address(0))} cannot receive tokens.`,
  ERC20InvalidApprover: (a, f) => `${f.address(a.address(0))} cannot approve a spender.`,
  ERC20InvalidSpender: (a, f) => `${f.address(a.address(0))} cannot be approved as a spender.`,
  FailedCall: () => "A call to another contract failed without saying why.",
  InsufficientBalance: (a, f) => `The contract holds ${f.eth(a.uint(0))} but ${f.eth(a.uint(1))} is needed.`,
  AddressEmptyCode: (a, f) => `${f.address(a.address(0))} has no code.`,
  ECDSAInvalidSignature: () => "The signature is not valid.",
  ECDSAInvalidSignatureLength: (a) => `The signature has ${a.uint(0)} bytes; a valid one has 65.`,
  ECDSAInvalidSignatureS: () => "The signature is malleable (its s value is too high) and is refused.",
  SafeCastOverflowedUintDowncast: (a) => `The value ${a.uint(1)} does not fit in ${a.uint(0)} bits.`,
  InvalidShortString: () =>
    "A stored short text (an application title) could not be read: it is longer than 31 bytes, which the contract never stores.",
  SafeCastOverflowedIntDowncast: (a) => `The value ${a.uint(1)} does not fit in ${a.uint(0)} bits.`,
  SafeCastOverflowedIntToUint: (a) => `The value ${a.uint(0)} is negative.`,
  SafeCastOverflowedUintToInt: (a) => `The value ${a.uint(0)} is too large.`,
  MerkleProofInvalidMultiproof: () => "The allowlist proof is malformed.",
};
