// Seeds the local demo Fund with a realistic history (run by `npm start`):
// round 1 is an older round whose outcome horizon (60 days) has passed: three applications paid off
// through companies' paid Promises, one by a council resolution, one did not — trustee track records;
// 5 trustees (M = 3); a settled round whose researchers were weighted by estimated probability of
// success (one long shot, one below quorum); an ETH offering settled into the capital pool, which
// pays the round's stipends, and an open tUSD offering whose raise is still in escrow; techniques;
// 3 companies with signed Promises of Future Returns — one fully paid, one with a period due, one
// delinquent; a donation; claimable returns; an open round awaiting estimates; a round taking
// applications; pending proposals.
// The chain starts in the past (hardhat.config.ts `demo` network) and the seed ends at wall-clock time.
// Every write is one of the SDK's action builders, sent with its `sendSteps`.
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { mkdirSync, writeFileSync } from "node:fs";
import { network } from "hardhat";
import {
  type Address,
  type Hex,
  formatEther,
  getAddress,
  getContract,
  keccak256,
  parseEther,
  parseUnits,
  toBytes,
  zeroHash,
} from "viem";

import type { ActionArgs, ActionKind } from "@fef/sdk/actionKinds";
import { approveProposal, proposeAction } from "@fef/sdk/actions/council";
import {
  claimAwardShares,
  claimStipend,
  commitEstimates,
  finalizeApplications,
  refundDeposit,
  revealEstimates,
  settleRound,
  submitApplication,
} from "@fef/sdk/actions/grants";
import { claimSubscribedShares, settleOffering, subscribe } from "@fef/sdk/actions/offerings";
import {
  donate,
  invalidateNonce,
  registerCompany,
  reportReturns,
  returnsDue,
  submitCommitment,
} from "@fef/sdk/actions/returns";
import { claimAll } from "@fef/sdk/actions/shares";
import { ETH_ADDRESS as ETH } from "@fef/sdk/assets";
import {
  capitalPoolAbi,
  grantRoundsAbi,
  offeringsAbi,
  returnsRegistryAbi,
  testTokenAbi,
} from "@fef/sdk/generated/abis";
import { readFundDeployment } from "@fef/sdk/node/deploymentFile";
import { promiseTypedData, type PromiseTerms } from "@fef/sdk/promise";
import { memorySaltStore } from "@fef/sdk/salts";
import { type Step, sendSteps, step } from "@fef/sdk/steps";
import { DEFAULT_OUTCOME_HORIZON } from "@fef/sdk/trackRecord";

import { type Wallet, nextProposalId, passProposal } from "./lib/council.js";

const DAY = 24 * 60 * 60;
const SHARE = 10n ** 18n;
const days = (count: number): bigint => BigInt(count * DAY);
const ROUND1_HORIZON_DAYS = 60;

const { viem, networkHelpers } = await network.create();
const { time } = networkHelpers;
const client = await viem.getPublicClient();
const chainId = await client.getChainId();
const { fund, deployment } = readFundDeployment(chainId);
const testUsdAddress: Address = deployment.addresses.TestToken ?? missingTestToken();
function missingTestToken(): never {
  throw new Error("The demo needs the LocalFund deployment (with TestToken).");
}

const wallets: readonly Wallet[] = await viem.getWalletClients();
const pick = (index: number): Wallet => {
  const wallet = wallets[index];
  if (wallet === undefined) throw new Error(`The node has no dev account #${index}`);
  return wallet;
};
const minter = pick(0);
const trustees = [1, 2, 3, 4, 5].map(pick);
const [ada, ben, chen, dana] = [6, 7, 8, 9].map(pick) as [Wallet, Wallet, Wallet, Wallet];
const [northwind, helix, quanta] = [10, 11, 12].map(pick) as [Wallet, Wallet, Wallet];
const [ivy, omar, priya] = [13, 14, 15].map(pick) as [Wallet, Wallet, Wallet];
const donor = pick(16);
const [t1, t2, t3, t4] = trustees as [Wallet, Wallet, Wallet, Wallet, Wallet];
const addressOf = (wallet: Wallet): Address => getAddress(wallet.account.address);
const USD = (amount: string): bigint => parseUnits(amount, 6);
const hashOf = (text: string): Hex => keccak256(toBytes(text));

function log(message: string): void {
  console.log(`  ${message}`);
}

async function send(wallet: Wallet, steps: Step[] | Promise<Step[]>): Promise<void> {
  await sendSteps(wallet, client, await steps);
}

// Typed reads of the Fund's contracts (ids, quotes, settled figures).
const rounds = getContract({ address: fund.GrantRounds, abi: grantRoundsAbi, client });
const offerings = getContract({ address: fund.Offerings, abi: offeringsAbi, client });
const registry = getContract({ address: fund.ReturnsRegistry, abi: returnsRegistryAbi, client });
const pool = getContract({ address: fund.CapitalPool, abi: capitalPoolAbi, client });

/** Proposes with trustee 1, approves with trustees 2 and 3 (M = 3), executes with trustee 1. */
async function pass<K extends ActionKind>(kind: K, args: ActionArgs<K>, label: string): Promise<bigint> {
  const id = await passProposal(
    client,
    fund,
    { proposer: t1, approvers: [t2, t3], executor: t1 },
    kind,
    args,
  );
  log(`council #${id}: ${label}`);
  return id;
}

/** A round's application, commit and reveal deadlines, each the given seconds after `from`. */
function deadlinesAfter(from: bigint, applying: bigint, committing: bigint, revealing: bigint) {
  return {
    applicationDeadline: from + applying,
    commitDeadline: from + committing,
    revealDeadline: from + revealing,
  };
}

/** The terms of the demo's later rounds: vesting from settlement, no stipends, no deposit. */
const SHARES_ONLY = {
  vestingCliff: 0n,
  stipendAsset: ETH,
  stipendBudget: 0n,
  applicationDeposit: 0n,
} as const;

const salts = memorySaltStore();
const saltOf = (trustee: Address, applicationId: bigint): Hex =>
  hashOf(`demo-salt:${trustee}:${applicationId}`);

/** What one trustee estimates for one application; effort and stipend default to the declared values. */
type Estimate = { probabilityBps: number; effortMonths?: number; stipend?: bigint };

/** `trustee` commits its estimates for applications of one round, in one batch. */
async function commit(trustee: Wallet, estimates: readonly [bigint, Estimate][]): Promise<void> {
  const who = addressOf(trustee);
  const declared = await Promise.all(estimates.map(([id]) => rounds.read.application([id])));
  const { steps } = await commitEstimates(client, fund, salts, {
    chainId,
    trustee: who,
    estimates: estimates.map(([applicationId, e], i) => ({
      applicationId,
      probabilityBps: e.probabilityBps,
      effortMonths: e.effortMonths ?? declared[i]?.effortMonths ?? 0,
      stipend: e.stipend ?? declared[i]?.stipendRequested ?? 0n,
      salt: saltOf(who, applicationId),
    })),
  });
  await send(trustee, steps);
}

/** `trustee` reveals its estimates for `applicationIds` (one round), in one batch. */
async function reveal(trustee: Wallet, applicationIds: readonly bigint[]): Promise<void> {
  const keys = applicationIds.map((applicationId) => ({
    chainId,
    grantRounds: fund.GrantRounds,
    trustee: addressOf(trustee),
    applicationId,
  }));
  await send(trustee, revealEstimates(salts, keys).steps);
}

async function apply(
  researcher: Wallet,
  roundId: bigint,
  title: string,
  effortMonths: number,
  stipend: bigint,
) {
  const uri = `ipfs://demo/${title.toLowerCase().replaceAll(/[^a-z0-9]+/g, "-")}`;
  const id = (await rounds.read.applicationCount()) + 1n;
  const { params } = await rounds.read.round([roundId]);
  await send(
    researcher,
    submitApplication(fund, {
      roundId,
      title,
      uri,
      contentHash: hashOf(title),
      effortMonths,
      stipendRequested: stipend,
      deposit: params.applicationDeposit,
    }),
  );
  log(`application #${id}: "${title}" (${effortMonths} research-months)`);
  return id;
}

/** Test dollars minted by dev account 0 (the demo's open-mint TestToken). */
function mintUsd(to: Address, amount: bigint): Promise<void> {
  return send(minter, [
    step({
      label: "Mint tUSD",
      address: testUsdAddress,
      abi: testTokenAbi,
      functionName: "mint",
      args: [to, amount],
    }),
  ]);
}

console.log(`Seeding the demo Fund on chain ${chainId}`);

// ---------------------------------------------------------------- round 1 and the first offering
let now = BigInt(await time.latest());
// Round 1 is the demo's older round: its outcomes are judged 60 days after settlement, a horizon
// that has passed by the end of the seed, so the Trustees page shows scored estimates.
await pass(
  "SetOutcomeHorizon",
  [BigInt(ROUND1_HORIZON_DAYS * DAY)],
  `outcome horizon ${ROUND1_HORIZON_DAYS} days`,
);
await pass(
  "OpenRound",
  [
    {
      sharePool: 1_000_000n * SHARE,
      ...deadlinesAfter(now, days(2), days(4), days(6)),
      vestingCliff: days(30),
      vestingDuration: days(360),
      stipendAsset: ETH,
      stipendBudget: parseEther("30"),
      applicationDeposit: parseEther("0.01"),
    },
  ],
  "open round 1 — 1,000,000 shares, 30 ETH of stipends, 0.01 ETH refundable deposit per application",
);
const round1 = await rounds.read.roundCount();
await pass(
  "OpenOffering",
  [
    {
      asset: ETH,
      pricePerShare: parseEther("0.01"),
      shareCap: 50_000n * SHARE,
      minShares: 100n * SHARE,
      start: now,
      end: now + days(5),
      allowlistRoot: zeroHash,
    },
  ],
  "open offering 1 — ETH at 0.01 per share, cap 50,000",
);
const offering1 = await offerings.read.offeringCount();
for (const [investor, amount] of [
  [ivy, 4_000n],
  [omar, 2_500n],
] as const) {
  const steps = await subscribe(client, fund, {
    investor: addressOf(investor),
    offeringId: offering1,
    shares: amount * SHARE,
  });
  await send(investor, steps);
  log(`${addressOf(investor)} subscribed ${amount} shares for ${formatEther(steps.at(-1)?.value ?? 0n)} ETH`);
}

const apps = {
  probes: await apply(ada, round1, "Reward-model interpretability", 24, parseEther("8")),
  debate: await apply(ben, round1, "Scalable oversight via debate", 18, parseEther("6")),
  verify: await apply(chen, round1, "Verified training code", 12, parseEther("4")),
  corrigible: await apply(dana, round1, "Corrigibility by construction", 36, parseEther("10")),
  toyModel: await apply(dana, round1, "Toy models of deception", 6, 0n),
  // Trustee 5 applies too, and is recused from estimating it: the other four hold the quorum of 3.
  audit: await apply(trustees[4] ?? t1, round1, "Red-teaming RLHF pipelines", 8, 0n),
};
log("trustee 5 applied (application #" + apps.audit + ") and is recused from estimating it");

// Estimates per trustee (t1..t5); missing entries are never committed. Effort and stipend default to
// the declared values; the trustees judge "Corrigibility by construction" to need 18 months and 5 ETH,
// not the 36 months and 10 ETH declared, so its weight and stipend use their medians.
const cut = (probabilityBps: number): Estimate => ({
  probabilityBps,
  effortMonths: 18,
  stipend: parseEther("5"),
});
const estimates: [bigint, Estimate[]][] = [
  [apps.probes, [6000, 5500, 7000, 6500, 5000].map((probabilityBps) => ({ probabilityBps }))], // median 60%
  [apps.debate, [3000, 2500, 9500, 3500, 2000].map((probabilityBps) => ({ probabilityBps }))], // 95% outlier ignored
  [apps.verify, [4000, 4500, 3500].map((probabilityBps) => ({ probabilityBps }))], // three estimates: 40%
  [apps.corrigible, [cut(500), cut(300), cut(800), cut(200)]], // 4% × 18 months (36 declared)
  [apps.toyModel, [2000, 2500].map((probabilityBps) => ({ probabilityBps }))], // two sealed: below the quorum of 3
  [apps.audit, [5000, 4000, 4500, 5500].map((probabilityBps) => ({ probabilityBps }))], // t1..t4 only
];
// Trustee 5 commits to "Interpretability probes" but never reveals: a missed reveal on its record. The
// quorum counts its sealed estimate all the same, so withholding vetoes nothing.
const withheld = (trusteeIndex: number, applicationId: bigint) =>
  trusteeIndex === 4 && applicationId === apps.probes;

await time.increaseTo(now + days(2) + 1n);
for (const [index, trustee] of trustees.entries()) {
  const mine = estimates.flatMap(([id, values]): [bigint, Estimate][] => {
    const value = values[index];
    return value === undefined ? [] : [[id, value]];
  });
  if (mine.length > 0) await commit(trustee, mine);
}
log("each trustee committed its sealed estimates in one transaction");
await time.increaseTo(now + days(4) + 1n);
for (const [index, trustee] of trustees.entries()) {
  const mine = estimates.flatMap(([id, values]) =>
    values[index] === undefined || withheld(index, id) ? [] : [id],
  );
  if (mine.length > 0) await reveal(trustee, mine);
}
log("trustees revealed their estimates in one transaction each; trustee 5 missed one reveal");
await time.increaseTo(now + days(6) + 1n);
// Offering 1's window has ended: settling it moves its raise from escrow into the capital pool, and
// only then can round 1 reserve its stipends (settlement reserves at most the available capital).
await send(minter, settleOffering(fund, offering1));
const settledOffering = await offerings.read.offering([offering1]);
log(
  `offering 1 settled: ${formatEther(settledOffering.capitalRaised)} ETH moved from escrow into the capital pool`,
);
await send(
  minter,
  finalizeApplications(
    fund,
    estimates.map(([applicationId]) => applicationId),
  ),
);
await send(minter, settleRound(fund, round1));
for (const [researcher, applicationId] of [
  [ada, apps.probes],
  [ben, apps.debate],
] as const)
  await send(researcher, refundDeposit(fund, applicationId));
const settled1 = await rounds.read.round([round1]);
const stipendsOwed =
  settled1.fundedStipendTotal < settled1.params.stipendBudget
    ? settled1.fundedStipendTotal
    : settled1.params.stipendBudget;
if (settled1.stipendReserved !== stipendsOwed) {
  const available = await pool.read.availableCapital([ETH]);
  throw new Error(
    `Round 1 reserved ${formatEther(settled1.stipendReserved)} of ${formatEther(stipendsOwed)} ETH ` +
      `of stipends: the capital pool had only ${formatEther(available)} ETH available`,
  );
}
log(
  `round 1 finalized and settled: vesting started, ${formatEther(settled1.stipendReserved)} ETH of stipends reserved`,
);
for (const investor of [ivy, omar]) await send(investor, claimSubscribedShares(fund, offering1));
log("investors claimed their shares of offering 1");

await pass(
  "RegisterTechnique",
  [
    "Reward-model probes",
    "ipfs://demo/technique/reward-model-probes",
    hashOf("Reward-model probes"),
    [apps.probes],
  ],
  "register technique 1 — Reward-model probes",
);
await pass(
  "RegisterTechnique",
  [
    "Debate protocol",
    "ipfs://demo/technique/debate-protocol",
    hashOf("Debate protocol"),
    [apps.debate, apps.verify],
  ],
  "register technique 2 — Debate protocol",
);

// ---------------------------------------------------------------- companies and their promises
now = BigInt(await time.latest());
const PERIOD = days(30);
const commitmentStart = now;
const companies = [
  { admin: northwind, name: "Northwind AI", techniques: [1n], bps: 500, model: "Northwind-7" },
  { admin: helix, name: "Helix Labs", techniques: [2n], bps: 300, model: "Helix Assistant 3" },
  { admin: quanta, name: "Quanta Systems", techniques: [1n, 2n], bps: 800, model: "Quanta Reasoner" },
] as const;
const commitmentIds: bigint[] = [];
for (const company of companies) {
  const admin = addressOf(company.admin);
  const companyId = (await registry.read.companyCount()) + 1n;
  await send(
    company.admin,
    registerCompany(fund, { name: company.name, uri: `https://example.org/${companyId}`, admin }),
  );
  const terms: PromiseTerms = {
    companyId,
    techniqueIds: company.techniques,
    modelName: company.model,
    modelHash: hashOf(company.model),
    returnsShareBps: company.bps,
    start: commitmentStart,
    end: commitmentStart + 12n * PERIOD,
    periodLength: PERIOD,
    gracePeriod: days(10),
    nonce: 1n,
    deadline: now + days(1),
  };
  const signature = await company.admin.signTypedData(promiseTypedData(chainId, fund.ReturnsRegistry, terms));
  const commitmentId = (await registry.read.commitmentCount()) + 1n;
  // Anyone may submit a signed promise; here a trustee does.
  await send(t4, submitCommitment(fund, { terms, signer: admin, signature }));
  commitmentIds.push(commitmentId);
  log(
    `${company.name} signed PFR #${commitmentId}: ${company.bps / 100}% of ${company.model}'s returns, monthly`,
  );
}
const [northwindPfr, helixPfr, quantaPfr] = commitmentIds as [bigint, bigint, bigint];
// Northwind had shared a draft signed under nonce 2 and withdrew it: the nonce is invalidated, so
// nobody can submit that signature any more.
await send(northwind, invalidateNonce(fund, 1n, 2n));
log("Northwind invalidated nonce 2 (a withdrawn draft Promise)");

/** The company reports `period` of its commitment and pays what is due in `asset` (tUSD minted to it first). */
async function report(company: Wallet, commitmentId: bigint, period: number, asset: Address, gross: bigint) {
  const payer = addressOf(company);
  if (asset === testUsdAddress) {
    const { returnsShareBps } = await registry.read.commitment([commitmentId]);
    await mintUsd(payer, returnsDue(gross, returnsShareBps));
  }
  const evidenceHash = hashOf(`evidence:${commitmentId}:${period}`);
  await send(
    company,
    reportReturns(client, fund, {
      payer,
      commitmentId,
      period: BigInt(period),
      asset,
      grossReturns: gross,
      evidenceHash,
    }),
  );
}

// Period 0 ends at start + 30 days: everyone pays it.
await time.increaseTo(commitmentStart + PERIOD + days(1));
await report(northwind, northwindPfr, 0, ETH, parseEther("200"));
await report(helix, helixPfr, 0, testUsdAddress, USD("1000000"));
await report(quanta, quantaPfr, 0, ETH, parseEther("50"));
log("period 1 reported and paid by all three companies");

// Researchers past their cliff claim vested shares and stipends.
for (const [researcher, applicationId] of [
  [ada, apps.probes],
  [ben, apps.debate],
] as const) {
  await send(researcher, claimAwardShares(fund, applicationId));
  await send(researcher, claimStipend(fund, applicationId));
}
log("Ada and Ben claimed their vested shares and stipends");
await send(
  donor,
  donate(client, fund, {
    donor: addressOf(donor),
    asset: ETH,
    amount: parseEther("2"),
    memo: hashOf("in memory of a long shot"),
  }),
);
log("a donor gave 2 ETH");

// Period 1: Northwind and Helix pay; Quanta does not (delinquent once its grace passes).
await time.increaseTo(commitmentStart + 2n * PERIOD + days(1));
await report(northwind, northwindPfr, 1, ETH, parseEther("260"));
await report(helix, helixPfr, 1, testUsdAddress, USD("1250000"));
log("period 2 reported by Northwind and Helix; Quanta missed it");
await send(chen, claimAwardShares(fund, apps.verify));
await send(ivy, claimAll(fund));
log("Chen claimed vested shares; Ivy claimed her returns");

// Period 2: only Northwind pays; Helix's report is still within its grace period at the end.
await time.increaseTo(commitmentStart + 3n * PERIOD + days(1));
await report(northwind, northwindPfr, 2, ETH, parseEther("310"));
log("period 3 reported by Northwind (Helix still within grace)");
await send(ada, claimAwardShares(fund, apps.probes));

// Round 1's outcomes: its techniques were named by paid Promises within the horizon (probes by
// Northwind and Quanta; the debate protocol, produced by two applications, by Helix), so those
// applications paid off. The red-team audits were adopted without a Promise: the council records
// that as a resolution. "Corrigibility by construction" produced nothing: it did not pay off once
// the horizon passes.
await pass("ResolveOutcome", [apps.audit, true], "council resolution: the red-team audits paid off");

// ---------------------------------------------------------------- the present
const wallClock = Math.floor(Date.now() / 1000);
if ((await time.latest()) < wallClock) await time.increaseTo(wallClock);
now = BigInt(await time.latest());

// Rounds opened from now on are judged three years after settlement.
await pass("SetOutcomeHorizon", [DEFAULT_OUTCOME_HORIZON], "outcome horizon back to three years");

await pass(
  "OpenRound",
  [
    {
      ...SHARES_ONLY,
      sharePool: 500_000n * SHARE,
      ...deadlinesAfter(now, 600n, days(7), days(14)),
      vestingDuration: days(180),
    },
  ],
  "open round 2 — 500,000 shares",
);
const round2 = await rounds.read.roundCount();
const elk = await apply(ada, round2, "Latent knowledge benchmarks", 12, 0n);
await apply(chen, round2, "Adversarial training at scale", 9, 0n);
await time.increaseTo(now + 601n);
await commit(t1, [[elk, { probabilityBps: 4500 }]]);
log("round 2 closed for applications; trustee 1 committed one estimate, the rest are owed");

const allowlisted = [ivy, omar, priya].map((investor) => [addressOf(investor)]);
const tree = StandardMerkleTree.of(allowlisted, ["address"]);
now = BigInt(await time.latest());
await pass(
  "OpenOffering",
  [
    {
      asset: testUsdAddress,
      pricePerShare: USD("2.5"),
      shareCap: 100_000n * SHARE,
      minShares: 10n * SHARE,
      start: now,
      end: now + days(30),
      allowlistRoot: tree.root as Hex,
    },
  ],
  "open offering 2 — tUSD at 2.5 per share, allowlisted investors",
);
const offering2 = await offerings.read.offeringCount();
const proofs: Record<string, Hex[]> = {};
for (const [index, [address]] of tree.entries()) proofs[address as string] = tree.getProof(index) as Hex[];
const priyaAddress = addressOf(priya);
await mintUsd(priyaAddress, await offerings.read.quote([offering2, 1_000n * SHARE]));
await send(
  priya,
  subscribe(client, fund, {
    investor: priyaAddress,
    offeringId: offering2,
    shares: 1_000n * SHARE,
    proof: proofs[priyaAddress] ?? [],
  }),
);
log("Priya subscribed 1,000 shares in offering 2 with her allowlist proof");
mkdirSync("frontend/public", { recursive: true });
writeFileSync(
  "frontend/public/demo-allowlist.json",
  `${JSON.stringify({ chainId, offeringId: Number(offering2), root: tree.root, proofs }, null, 2)}\n`,
);

// A round that takes applications for two weeks: what a newcomer researcher applies to.
now = BigInt(await time.latest());
await pass(
  "OpenRound",
  [
    {
      ...SHARES_ONLY,
      sharePool: 250_000n * SHARE,
      ...deadlinesAfter(now, days(14), days(21), days(28)),
      vestingDuration: days(180),
    },
  ],
  "open round 3 — 250,000 shares, applications for 14 days",
);

// Pending proposals for the trustee queue: one needs a single more approval, one just proposed.
const transfersId = await nextProposalId(client, fund);
await send(t1, proposeAction(fund, "SetTransfersEnabled", [true]));
await send(t2, approveProposal(fund, transfersId));
log(`council #${transfersId}: enable share transfers — 2 of 3 approvals`);
const techniqueId = await nextProposalId(client, fund);
await send(
  t4,
  proposeAction(fund, "RegisterTechnique", [
    "Formal verification toolkit",
    "ipfs://demo/technique/formal-verification-toolkit",
    hashOf("Formal verification toolkit"),
    [apps.verify],
  ]),
);
log(`council #${techniqueId}: register technique "Formal verification toolkit" — 1 of 3 approvals`);

console.log("Demo Fund seeded.");
