// The history tables, one per question the dashboard and the command line ask. Every row carries the
// block, log index, time and transaction of the event that wrote it, so a reorg rolls it back and a
// reader can page from a cursor. Amounts are in the asset's (or share's) smallest unit.
import { index, onchainTable, primaryKey } from "ponder";

/**
 * The returns ledger: every inflow (received, donation), distribution, claim, hold and company report,
 * oldest first by (block, log index). `kind` is one of received, donation, held, distributed, claimed,
 * reported.
 */
export const returnsEntry = onchainTable(
  "returns_entry",
  (t) => ({
    id: t.text().primaryKey(),
    kind: t.text().notNull(),
    asset: t.hex().notNull(),
    /** sender (received, donation), holder (claimed), company admin-less report: the commitment's signer */
    account: t.hex(),
    amount: t.bigint().notNull(),
    /** distributed: the share supply it was spread over; reported: the gross returns */
    supplyOrGross: t.bigint(),
    /** reported: the commitment and period it pays */
    commitmentId: t.bigint(),
    period: t.bigint(),
    /** running total of this kind for this asset after the entry (the returns chart's y value) */
    cumulative: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({
    byKind: index().on(table.kind, table.blockNumber, table.logIndex),
    byAccount: index().on(table.account, table.blockNumber),
  }),
);

/** Totals per asset: received, donated, distributed, claimed and held so far. */
export const assetTotal = onchainTable("asset_total", (t) => ({
  asset: t.hex().primaryKey(),
  received: t.bigint().notNull(),
  donated: t.bigint().notNull(),
  distributed: t.bigint().notNull(),
  claimed: t.bigint().notNull(),
  held: t.bigint().notNull(),
  distributions: t.integer().notNull(),
}));

/** Returns per asset per UTC day: the returns chart at any scale is one row per asset and active day. */
export const returnsDay = onchainTable(
  "returns_day",
  (t) => ({
    id: t.text().primaryKey(),
    asset: t.hex().notNull(),
    /** start of the UTC day, in seconds */
    day: t.bigint().notNull(),
    received: t.bigint().notNull(),
    distributed: t.bigint().notNull(),
    claimed: t.bigint().notNull(),
    /** running totals at the end of the day */
    cumulativeReceived: t.bigint().notNull(),
    cumulativeDistributed: t.bigint().notNull(),
  }),
  (table) => ({ byDay: index().on(table.day) }),
);

export const company = onchainTable("company", (t) => ({
  id: t.bigint().primaryKey(),
  admin: t.hex().notNull(),
  name: t.text().notNull(),
  uri: t.text().notNull(),
  registeredAt: t.bigint().notNull(),
  blockNumber: t.bigint().notNull(),
}));

/** A company's promise of future returns: its terms, from which each period's due date follows. */
export const commitment = onchainTable(
  "commitment",
  (t) => ({
    id: t.bigint().primaryKey(),
    companyId: t.bigint().notNull(),
    signer: t.hex().notNull(),
    modelName: t.text().notNull(),
    returnsShareBps: t.integer().notNull(),
    start: t.bigint().notNull(),
    end: t.bigint().notNull(),
    periodLength: t.bigint().notNull(),
    gracePeriod: t.bigint().notNull(),
    /**
     * the share ledger's paused seconds at the commitment's paused-time mark (ReturnsRegistry
     * `pausedSecondsAt`): every second paused since then extends the grace of its unreported periods
     */
    pausedSecondsAt: t.bigint().notNull(),
    /** the techniques the Promise names: its paid periods are evidence that their applications paid off */
    techniqueIds: t.bigint().array().notNull(),
    periodsReported: t.integer().notNull(),
    periodsLate: t.integer().notNull(),
    registeredAt: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
  }),
  (table) => ({ byCompany: index().on(table.companyId) }),
);

/**
 * The share ledger's pause clock (one row, id "ledger"), as FundShares keeps it: the start and lapse of
 * the current or last pause and the paused seconds of every earlier one. With a commitment's
 * `pausedSecondsAt` it gives the grace extension the registry grants (see @fef/sdk/history/lateness).
 */
export const pauseClock = onchainTable("pause_clock", (t) => ({
  id: t.text().primaryKey(),
  pausedAt: t.bigint().notNull(),
  pauseEnds: t.bigint().notNull(),
  pausedBefore: t.bigint().notNull(),
}));

/**
 * One reported period of a commitment (a payment). `lateness` is "on_time" when reported by the end
 * of the period plus its grace period plus the grace extension (the ledger's paused seconds since the
 * commitment's mark, as the registry counts them), else "late"; `dueBy` includes the extension.
 * Periods never reported are overdue, derived by the reader from the terms, the mark and the pause clock.
 */
export const payment = onchainTable(
  "payment",
  (t) => ({
    id: t.text().primaryKey(),
    commitmentId: t.bigint().notNull(),
    companyId: t.bigint().notNull(),
    period: t.bigint().notNull(),
    asset: t.hex().notNull(),
    grossReturns: t.bigint().notNull(),
    paid: t.bigint().notNull(),
    evidenceHash: t.hex().notNull(),
    periodEndsAt: t.bigint().notNull(),
    dueBy: t.bigint().notNull(),
    lateness: t.text().notNull(),
    secondsLate: t.bigint().notNull(),
    disputed: t.boolean().notNull(),
    blockNumber: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({
    byCompany: index().on(table.companyId, table.commitmentId, table.period),
    byBlock: index().on(table.blockNumber, table.logIndex),
  }),
);

/** Every share mint with its provenance: "award" (a research grant's vested shares) or "subscription". */
export const mint = onchainTable(
  "mint",
  (t) => ({
    id: t.text().primaryKey(),
    account: t.hex().notNull(),
    amount: t.bigint().notNull(),
    source: t.text().notNull(),
    /** the application (award) or offering (subscription) it came from */
    sourceId: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({ bySource: index().on(table.source), byAccount: index().on(table.account) }),
);

/** Share totals by provenance (one row per source). */
export const mintTotal = onchainTable("mint_total", (t) => ({
  source: t.text().primaryKey(),
  amount: t.bigint().notNull(),
  mints: t.integer().notNull(),
  accounts: t.integer().notNull(),
}));

/** Every share holder: balance from transfers, shares by provenance, returns claimed. */
export const holder = onchainTable(
  "holder",
  (t) => ({
    address: t.hex().primaryKey(),
    balance: t.bigint().notNull(),
    awarded: t.bigint().notNull(),
    subscribed: t.bigint().notNull(),
    claimCount: t.integer().notNull(),
    firstBlock: t.bigint().notNull(),
    lastTimestamp: t.bigint().notNull(),
  }),
  (table) => ({ byBalance: index().on(table.balance) }),
);

/** Returns claimed per holder and asset. */
export const holderClaim = onchainTable(
  "holder_claim",
  (t) => ({
    holder: t.hex().notNull(),
    asset: t.hex().notNull(),
    claimed: t.bigint().notNull(),
    lastTimestamp: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.holder, table.asset] }) }),
);

/** Every account's activity, newest first by (block, log index): the per-account view and statements. */
export const activity = onchainTable(
  "activity",
  (t) => ({
    id: t.text().primaryKey(),
    account: t.hex().notNull(),
    kind: t.text().notNull(),
    asset: t.hex(),
    amount: t.bigint(),
    /** the round, application, offering, commitment or proposal it concerns */
    refId: t.bigint(),
    blockNumber: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({ byAccount: index().on(table.account, table.blockNumber, table.logIndex) }),
);

export const round = onchainTable("round", (t) => ({
  id: t.bigint().primaryKey(),
  sharePool: t.bigint().notNull(),
  applicationDeadline: t.bigint().notNull(),
  commitDeadline: t.bigint().notNull(),
  revealDeadline: t.bigint().notNull(),
  stipendAsset: t.hex().notNull(),
  stipendBudget: t.bigint().notNull(),
  /** seconds after settlement within which a funded application must be shown to pay off */
  outcomeHorizon: t.bigint().notNull(),
  status: t.text().notNull(),
  totalWeight: t.bigint(),
  fundedCount: t.bigint(),
  openedAt: t.bigint().notNull(),
  settledAt: t.bigint(),
}));

export const application = onchainTable(
  "application",
  (t) => ({
    id: t.bigint().primaryKey(),
    roundId: t.bigint().notNull(),
    researcher: t.hex().notNull(),
    /** the short title (≤ 31 bytes), also in GrantRounds storage */
    title: t.text().notNull(),
    /** the proposal URI and its content hash: in the ApplicationSubmitted event only, not in storage */
    uri: t.text().notNull(),
    contentHash: t.hex().notNull(),
    effortMonths: t.integer().notNull(),
    stipendRequested: t.bigint().notNull(),
    funded: t.boolean(),
    // The medians of the revealed estimates, as the weight uses them (effort and stipend capped by the
    // declared values), and how many trustees committed and revealed.
    medianProbabilityBps: t.integer(),
    medianEffortMonths: t.integer(),
    medianStipend: t.bigint(),
    committedCount: t.integer(),
    revealedCount: t.integer(),
    weight: t.bigint(),
    sharesClaimed: t.bigint().notNull(),
    cancelled: t.boolean().notNull(),
    submittedAt: t.bigint().notNull(),
    // The council's resolution of the outcome (an executed ResolveOutcome proposal), if any.
    outcomeResolution: t.boolean(),
    resolvedAt: t.bigint(),
  }),
  (table) => ({ byRound: index().on(table.roundId) }),
);

/**
 * A trustee's estimate on one application: "committed" (sealed, not yet revealed), "revealed",
 * "missed" (committed, the application finalised without its reveal) or "recused".
 */
export const estimate = onchainTable(
  "estimate",
  (t) => ({
    applicationId: t.bigint().notNull(),
    trustee: t.hex().notNull(),
    roundId: t.bigint().notNull(),
    status: t.text().notNull(),
    probabilityBps: t.integer(),
    effortMonths: t.integer(),
    stipend: t.bigint(),
    committedAt: t.bigint(),
    revealedAt: t.bigint(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.applicationId, table.trustee] }),
    byTrustee: index().on(table.trustee, table.status),
  }),
);

/** Each trustee's estimates record, counted as the events arrive. */
export const trusteeRecord = onchainTable("trustee_record", (t) => ({
  trustee: t.hex().primaryKey(),
  committed: t.integer().notNull(),
  revealed: t.integer().notNull(),
  missed: t.integer().notNull(),
  recused: t.integer().notNull(),
}));

/** A registered technique and the applications that produced it (outcome evidence follows these links). */
export const technique = onchainTable("technique", (t) => ({
  id: t.bigint().primaryKey(),
  title: t.text().notNull(),
  applicationIds: t.bigint().array().notNull(),
  registeredAt: t.bigint().notNull(),
}));

/** A council proposal: "open", "executed" or "failed" (its last execution attempt reverted). */
export const proposal = onchainTable("proposal", (t) => ({
  id: t.bigint().primaryKey(),
  kind: t.integer().notNull(),
  proposer: t.hex().notNull(),
  args: t.hex().notNull(),
  expiresAt: t.bigint().notNull(),
  status: t.text().notNull(),
  approvals: t.integer().notNull(),
  failedExecutions: t.integer().notNull(),
  createdAt: t.bigint().notNull(),
  executedAt: t.bigint(),
}));

/** Approvals of proposals (a revoked approval keeps its row with `revokedAt`). */
export const proposalApproval = onchainTable(
  "proposal_approval",
  (t) => ({
    proposalId: t.bigint().notNull(),
    trustee: t.hex().notNull(),
    approvedAt: t.bigint().notNull(),
    revokedAt: t.bigint(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.proposalId, table.trustee] }) }),
);

/** Every execution attempt of a proposal, successful or reverted (with the revert data). */
export const proposalExecution = onchainTable(
  "proposal_execution",
  (t) => ({
    id: t.text().primaryKey(),
    proposalId: t.bigint().notNull(),
    executor: t.hex().notNull(),
    succeeded: t.boolean().notNull(),
    data: t.hex().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({ byProposal: index().on(table.proposalId) }),
);

export const offering = onchainTable("offering", (t) => ({
  id: t.bigint().primaryKey(),
  asset: t.hex().notNull(),
  pricePerShare: t.bigint().notNull(),
  shareCap: t.bigint().notNull(),
  minShares: t.bigint().notNull(),
  start: t.bigint().notNull(),
  end: t.bigint().notNull(),
  status: t.text().notNull(),
  sharesSubscribed: t.bigint().notNull(),
  sharesSold: t.bigint(),
  capital: t.bigint(),
  investors: t.integer().notNull(),
  openedAt: t.bigint().notNull(),
}));

/** One investor's subscription to one offering (repeat subscriptions add up). */
export const subscription = onchainTable(
  "subscription",
  (t) => ({
    offeringId: t.bigint().notNull(),
    investor: t.hex().notNull(),
    shares: t.bigint().notNull(),
    cost: t.bigint().notNull(),
    sharesClaimed: t.bigint().notNull(),
    firstAt: t.bigint().notNull(),
    lastAt: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.offeringId, table.investor] }),
    byInvestor: index().on(table.investor),
  }),
);

/**
 * Every other Fund event (roles, pauses, trustees, migrations, techniques, capital pool, stipends …),
 * decoded, with its arguments as JSON (integers as decimal strings).
 */
export const fundEvent = onchainTable(
  "fund_event",
  (t) => ({
    id: t.text().primaryKey(),
    contract: t.text().notNull(),
    name: t.text().notNull(),
    args: t.json().notNull(),
    blockNumber: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({ byName: index().on(table.contract, table.name) }),
);
