// Seeds the local demo Fund with a realistic history (run by `npm start`):
// 5 trustees (M = 3); a settled round whose researchers were weighted by estimated probability of
// success (one long shot, one below quorum); an ETH offering settled into the capital pool, which
// pays the round's stipends, and an open tUSD offering whose raise is still in escrow; techniques;
// 3 companies with signed Promises of Future Returns — one fully paid, one with a period due, one
// delinquent; a donation; claimable returns; an open round awaiting estimates; pending proposals.
// The chain starts in the past (hardhat.config.ts `demo` network) and the seed ends at wall-clock time.
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { type Signer, ZeroAddress, keccak256, parseEther, parseUnits, toUtf8Bytes } from "ethers";
import { mkdirSync, writeFileSync } from "node:fs";
import { network } from "hardhat";

import { ActionKind, type ActionKindName, encodeActionArgs } from "./lib/actions.js";
import { loadFundAddresses } from "./lib/deployment.js";
import { pfrTypedData } from "./lib/pfr.js";

const DAY = 24 * 60 * 60;
const SHARE = 10n ** 18n;
const ETH = ZeroAddress;

const { ethers, networkHelpers } = await network.create();
const { time } = networkHelpers;
const chainId = (await ethers.provider.getNetwork()).chainId;
const addresses = loadFundAddresses(chainId);
const testUsdAddress: string = addresses.TestToken ?? missingTestToken();
function missingTestToken(): never {
  throw new Error("The demo needs the LocalFund deployment (with TestToken).");
}

const signers = await ethers.getSigners();
const pick = (index: number): Signer => {
  const signer = signers[index];
  if (signer === undefined) throw new Error(`The node has no dev account #${index}`);
  return signer;
};
const trustees = [1, 2, 3, 4, 5].map(pick);
const [ada, ben, chen, dana] = [6, 7, 8, 9].map(pick) as [Signer, Signer, Signer, Signer];
const [northwind, helix, quanta] = [10, 11, 12].map(pick) as [Signer, Signer, Signer];
const [ivy, omar, priya] = [13, 14, 15].map(pick) as [Signer, Signer, Signer];
const donor = pick(16);
const [t1, t2, t3, t4] = trustees as [Signer, Signer, Signer, Signer, Signer];

const council = await ethers.getContractAt("ITrusteeCouncil", addresses.TrusteeCouncil);
const shares = await ethers.getContractAt("IFundShares", addresses.FundShares);
const rounds = await ethers.getContractAt("IGrantRounds", addresses.GrantRounds);
const offerings = await ethers.getContractAt("IOfferings", addresses.Offerings);
const pool = await ethers.getContractAt("ICapitalPool", addresses.CapitalPool);
const registry = await ethers.getContractAt("IReturnsRegistry", addresses.ReturnsRegistry);
const testUsd = await ethers.getContractAt("TestToken", testUsdAddress);
const USD = (amount: string): bigint => parseUnits(amount, 6);

function log(message: string): void {
  console.log(`  ${message}`);
}

interface Sent {
  wait(): Promise<unknown>;
}

async function send(tx: Promise<Sent>): Promise<void> {
  await (await tx).wait();
}

/**
 * Sends independent transactions (no one reads what another writes) into one block: automine is
 * paused, every transaction is sent without waiting for the previous one, one block is mined, and
 * each receipt is checked (`wait` throws on a revert). Fewer blocks and round trips than one by one.
 */
async function sendBatch(sends: ReadonlyArray<() => Promise<Sent>>): Promise<void> {
  const sent: Sent[] = [];
  await ethers.provider.send("evm_setAutomine", [false]);
  try {
    for (const sendOne of sends) sent.push(await sendOne());
    await ethers.provider.send("evm_mine", []);
  } finally {
    await ethers.provider.send("evm_setAutomine", [true]);
  }
  await Promise.all(sent.map((tx) => tx.wait()));
}

/** Proposes with trustee 1, approves with trustees 2 and 3 (M = 3), executes. */
async function pass(kind: ActionKindName, args: string, label: string): Promise<bigint> {
  const id = (await council.proposalCount()) + 1n;
  await send(council.connect(t1).propose(ActionKind[kind], args));
  await send(council.connect(t2).approve(id));
  await send(council.connect(t3).approve(id));
  await send(council.connect(t1).execute(id));
  log(`council #${id}: ${label}`);
  return id;
}

const salt = (trustee: string, applicationId: bigint): string =>
  keccak256(toUtf8Bytes(`demo-salt:${trustee}:${applicationId}`));

async function commit(trustee: Signer, applicationId: bigint, estimateBps: number): Promise<Sent> {
  const who = await trustee.getAddress();
  const hash = await rounds.sealEstimate(who, applicationId, estimateBps, salt(who, applicationId));
  return rounds.connect(trustee).commitEstimate(applicationId, hash);
}

async function reveal(trustee: Signer, applicationId: bigint, estimateBps: number): Promise<Sent> {
  const who = await trustee.getAddress();
  return rounds.connect(trustee).revealEstimate(applicationId, estimateBps, salt(who, applicationId));
}

async function apply(researcher: Signer, roundId: bigint, title: string, effort: number, stipend: bigint) {
  const uri = `ipfs://demo/${title.toLowerCase().replaceAll(/[^a-z0-9]+/g, "-")}`;
  const id = (await rounds.applicationCount()) + 1n;
  await send(
    rounds
      .connect(researcher)
      .submitApplication(roundId, uri, keccak256(toUtf8Bytes(title)), effort, stipend),
  );
  log(`application #${id}: "${title}" (${effort} research-months)`);
  return id;
}

console.log(`Seeding the demo Fund on chain ${chainId}`);

// ---------------------------------------------------------------- round 1 and the first offering
let now = await time.latest();
await pass(
  "OpenRound",
  encodeActionArgs(rounds.interface, "openRound", [
    {
      sharePool: 1_000_000n * SHARE,
      applicationDeadline: now + 2 * DAY,
      commitDeadline: now + 4 * DAY,
      revealDeadline: now + 6 * DAY,
      vestingCliff: 30 * DAY,
      vestingDuration: 360 * DAY,
      stipendAsset: ETH,
      stipendBudget: parseEther("30"),
    },
  ]),
  "open round 1 — 1,000,000 shares, 30 ETH of stipends",
);
const round1 = await rounds.roundCount();
await pass(
  "OpenOffering",
  encodeActionArgs(offerings.interface, "openOffering", [
    {
      asset: ETH,
      pricePerShare: parseEther("0.01"),
      shareCap: 50_000n * SHARE,
      minShares: 100n * SHARE,
      start: now,
      end: now + 5 * DAY,
      allowlistRoot: `0x${"00".repeat(32)}`,
    },
  ]),
  "open offering 1 — ETH at 0.01 per share, cap 50,000",
);
const offering1 = await offerings.offeringCount();
for (const [investor, amount] of [
  [ivy, 4_000n],
  [omar, 2_500n],
] as const) {
  const cost = await offerings.quote(offering1, amount * SHARE);
  await send(offerings.connect(investor).subscribe(offering1, amount * SHARE, [], { value: cost }));
  log(`${await investor.getAddress()} subscribed ${amount} shares for ${ethers.formatEther(cost)} ETH`);
}

const apps = {
  probes: await apply(ada, round1, "Interpretability probes for reward models", 24, parseEther("8")),
  debate: await apply(ben, round1, "Scalable oversight via debate", 18, parseEther("6")),
  verify: await apply(chen, round1, "Formal verification of training code", 12, parseEther("4")),
  corrigible: await apply(dana, round1, "Corrigibility by construction", 36, parseEther("10")),
  toyModel: await apply(dana, round1, "Toy models of deceptive alignment", 6, 0n),
};

// Estimates in basis points, per trustee (t1..t5); missing entries are never committed.
const estimates: [bigint, number[]][] = [
  [apps.probes, [6000, 5500, 7000, 6500, 5000]], // median 60%
  [apps.debate, [3000, 2500, 9500, 3500, 2000]], // median 30%: the 95% outlier does not move it
  [apps.verify, [4000, 4500, 3500]], // three estimates: median 40%
  [apps.corrigible, [500, 300, 800, 200]], // even count: mean of 3% and 5% = 4% — a long shot, still funded
  [apps.toyModel, [2000, 2500]], // only two estimates: below the quorum of 3, not funded
];

/** One entry per (trustee, application) estimate: commits are independent of each other, so are reveals. */
const everyEstimate = estimates.flatMap(([applicationId, values]) =>
  values.map((estimate, index) => ({ trustee: trustees[index] as Signer, applicationId, estimate })),
);
await time.increaseTo(now + 2 * DAY + 1);
await sendBatch(everyEstimate.map((e) => () => commit(e.trustee, e.applicationId, e.estimate)));
log("trustees committed their estimates");
await time.increaseTo(now + 4 * DAY + 1);
await sendBatch(everyEstimate.map((e) => () => reveal(e.trustee, e.applicationId, e.estimate)));
log("trustees revealed their estimates");
await time.increaseTo(now + 6 * DAY + 1);
// Offering 1's window has ended: settling it moves its raise from escrow into the capital pool, and
// only then can round 1 reserve its stipends (settlement reserves at most the available capital).
await send(offerings.settleOffering(offering1));
log(
  `offering 1 settled: ${ethers.formatEther((await offerings.offering(offering1)).capitalRaised)} ETH ` +
    `moved from escrow into the capital pool`,
);
await sendBatch(
  estimates.map(
    ([applicationId]) =>
      () =>
        rounds.finalizeApplication(applicationId),
  ),
);
await send(rounds.settleRound(round1));
const settled1 = await rounds.round(round1);
const stipendsOwed =
  settled1.fundedStipendTotal < settled1.params.stipendBudget
    ? settled1.fundedStipendTotal
    : settled1.params.stipendBudget;
if (settled1.stipendReserved !== stipendsOwed) {
  throw new Error(
    `Round 1 reserved ${ethers.formatEther(settled1.stipendReserved)} of ${ethers.formatEther(stipendsOwed)} ETH ` +
      `of stipends: the capital pool had only ${ethers.formatEther(await pool.availableCapital(ETH))} ETH available`,
  );
}
log(
  `round 1 finalized and settled: vesting started, ${ethers.formatEther(settled1.stipendReserved)} ETH of stipends reserved`,
);
await sendBatch([ivy, omar].map((investor) => () => offerings.connect(investor).claimShares(offering1)));
log("investors claimed their shares of offering 1");

await pass(
  "RegisterTechnique",
  encodeActionArgs(registry.interface, "registerTechnique", [
    "Reward-model probes",
    "ipfs://demo/technique/reward-model-probes",
    keccak256(toUtf8Bytes("Reward-model probes")),
    [apps.probes],
  ]),
  "register technique 1 — Reward-model probes",
);
await pass(
  "RegisterTechnique",
  encodeActionArgs(registry.interface, "registerTechnique", [
    "Debate protocol",
    "ipfs://demo/technique/debate-protocol",
    keccak256(toUtf8Bytes("Debate protocol")),
    [apps.debate, apps.verify],
  ]),
  "register technique 2 — Debate protocol",
);

// ---------------------------------------------------------------- companies and their promises
now = await time.latest();
const PERIOD = 30 * DAY;
const commitmentStart = now;
const companies = [
  { admin: northwind, name: "Northwind AI", techniques: [1n], bps: 500, model: "Northwind-7" },
  { admin: helix, name: "Helix Labs", techniques: [2n], bps: 300, model: "Helix Assistant 3" },
  { admin: quanta, name: "Quanta Systems", techniques: [1n, 2n], bps: 800, model: "Quanta Reasoner" },
] as const;
const commitmentIds: bigint[] = [];
for (const company of companies) {
  const adminAddress = await company.admin.getAddress();
  const companyId = (await registry.companyCount()) + 1n;
  await send(
    registry
      .connect(company.admin)
      .registerCompany(company.name, `https://example.org/${companyId}`, adminAddress),
  );
  const terms = {
    companyId,
    techniqueIds: [...company.techniques],
    modelName: company.model,
    modelHash: keccak256(toUtf8Bytes(company.model)),
    returnsShareBps: company.bps,
    start: BigInt(commitmentStart),
    end: BigInt(commitmentStart + 12 * PERIOD),
    periodLength: BigInt(PERIOD),
    gracePeriod: BigInt(10 * DAY),
    nonce: 1n,
    deadline: BigInt(now + DAY),
  };
  const typed = pfrTypedData(chainId, addresses.ReturnsRegistry, terms);
  const signature = await company.admin.signTypedData(typed.domain, typed.types, typed.message);
  const commitmentId = (await registry.commitmentCount()) + 1n;
  // Anyone may submit a signed promise; here a trustee does.
  await send(registry.connect(t4).submitCommitment(terms, adminAddress, signature));
  commitmentIds.push(commitmentId);
  log(
    `${company.name} signed PFR #${commitmentId}: ${company.bps / 100}% of ${company.model}'s returns, monthly`,
  );
}
const [northwindPfr, helixPfr, quantaPfr] = commitmentIds as [bigint, bigint, bigint];

async function reportEth(
  company: Signer,
  commitmentId: bigint,
  period: number,
  gross: bigint,
): Promise<void> {
  const due = await registry.dueAmount(commitmentId, gross);
  const evidence = keccak256(toUtf8Bytes(`evidence:${commitmentId}:${period}`));
  await send(
    registry.connect(company).reportReturns(commitmentId, period, ETH, gross, evidence, { value: due }),
  );
}

async function reportUsd(
  company: Signer,
  commitmentId: bigint,
  period: number,
  gross: bigint,
): Promise<void> {
  const due = await registry.dueAmount(commitmentId, gross);
  await send(testUsd.mint(await company.getAddress(), due));
  await send(testUsd.connect(company).approve(addresses.ReturnsRegistry, due));
  const evidence = keccak256(toUtf8Bytes(`evidence:${commitmentId}:${period}`));
  await send(registry.connect(company).reportReturns(commitmentId, period, testUsdAddress, gross, evidence));
}

// Period 0 ends at start + 30 days: everyone pays it.
await time.increaseTo(commitmentStart + PERIOD + DAY);
await reportEth(northwind, northwindPfr, 0, parseEther("200"));
await reportUsd(helix, helixPfr, 0, USD("1000000"));
await reportEth(quanta, quantaPfr, 0, parseEther("50"));
log("period 1 reported and paid by all three companies");

// Researchers past their cliff claim vested shares and stipends.
for (const [researcher, applicationId] of [
  [ada, apps.probes],
  [ben, apps.debate],
] as const) {
  await send(rounds.connect(researcher).claimShares(applicationId));
  await send(rounds.connect(researcher).claimStipend(applicationId));
}
log("Ada and Ben claimed their vested shares and stipends");
await send(
  registry.connect(donor).donate(ETH, parseEther("2"), keccak256(toUtf8Bytes("in memory of a long shot")), {
    value: parseEther("2"),
  }),
);
log("a donor gave 2 ETH");

// Period 1: Northwind and Helix pay; Quanta does not (delinquent once its grace passes).
await time.increaseTo(commitmentStart + 2 * PERIOD + DAY);
await reportEth(northwind, northwindPfr, 1, parseEther("260"));
await reportUsd(helix, helixPfr, 1, USD("1250000"));
log("period 2 reported by Northwind and Helix; Quanta missed it");
await send(rounds.connect(chen).claimShares(apps.verify));
await send(shares.connect(ivy).claimAll());
log("Chen claimed vested shares; Ivy claimed her returns");

// Period 2: only Northwind pays; Helix's report is still within its grace period at the end.
await time.increaseTo(commitmentStart + 3 * PERIOD + DAY);
await reportEth(northwind, northwindPfr, 2, parseEther("310"));
log("period 3 reported by Northwind (Helix still within grace)");
await send(rounds.connect(ada).claimShares(apps.probes));

// ---------------------------------------------------------------- the present
const wallClock = Math.floor(Date.now() / 1000);
if ((await time.latest()) < wallClock) await time.increaseTo(wallClock);
now = await time.latest();

await pass(
  "OpenRound",
  encodeActionArgs(rounds.interface, "openRound", [
    {
      sharePool: 500_000n * SHARE,
      applicationDeadline: now + 10 * 60,
      commitDeadline: now + 7 * DAY,
      revealDeadline: now + 14 * DAY,
      vestingCliff: 0,
      vestingDuration: 180 * DAY,
      stipendAsset: ETH,
      stipendBudget: 0n,
    },
  ]),
  "open round 2 — 500,000 shares",
);
const round2 = await rounds.roundCount();
const elk = await apply(ada, round2, "Eliciting latent knowledge benchmarks", 12, 0n);
await apply(chen, round2, "Adversarial training at scale", 9, 0n);
await time.increaseTo(now + 10 * 60 + 1);
await send(commit(t1, elk, 4500));
log("round 2 closed for applications; trustee 1 committed one estimate, the rest are owed");

const allowlisted = [ivy, omar, priya];
const tree = StandardMerkleTree.of(
  await Promise.all(allowlisted.map(async (investor) => [await investor.getAddress()])),
  ["address"],
);
now = await time.latest();
await pass(
  "OpenOffering",
  encodeActionArgs(offerings.interface, "openOffering", [
    {
      asset: testUsdAddress,
      pricePerShare: USD("2.5"),
      shareCap: 100_000n * SHARE,
      minShares: 10n * SHARE,
      start: now,
      end: now + 30 * DAY,
      allowlistRoot: tree.root,
    },
  ]),
  "open offering 2 — tUSD at 2.5 per share, allowlisted investors",
);
const offering2 = await offerings.offeringCount();
const proofs: Record<string, string[]> = {};
for (const [index, [address]] of tree.entries()) proofs[address as string] = tree.getProof(index);
const priyaAddress = await priya.getAddress();
const cost = await offerings.quote(offering2, 1_000n * SHARE);
await send(testUsd.mint(priyaAddress, cost));
await send(testUsd.connect(priya).approve(addresses.Offerings, cost));
await send(offerings.connect(priya).subscribe(offering2, 1_000n * SHARE, proofs[priyaAddress] ?? []));
log("Priya subscribed 1,000 shares in offering 2 with her allowlist proof");
mkdirSync("frontend/public", { recursive: true });
writeFileSync(
  "frontend/public/demo-allowlist.json",
  `${JSON.stringify({ chainId: Number(chainId), offeringId: Number(offering2), root: tree.root, proofs }, null, 2)}\n`,
);

// Pending proposals for the trustee queue: one needs a single more approval, one just proposed.
const transfersId = (await council.proposalCount()) + 1n;
await send(
  council
    .connect(t1)
    .propose(
      ActionKind.SetTransfersEnabled,
      encodeActionArgs(shares.interface, "setTransfersEnabled", [true]),
    ),
);
await send(council.connect(t2).approve(transfersId));
log(`council #${transfersId}: enable share transfers — 2 of 3 approvals`);
const techniqueId = (await council.proposalCount()) + 1n;
await send(
  council
    .connect(t4)
    .propose(
      ActionKind.RegisterTechnique,
      encodeActionArgs(registry.interface, "registerTechnique", [
        "Formal verification toolkit",
        "ipfs://demo/technique/formal-verification-toolkit",
        keccak256(toUtf8Bytes("Formal verification toolkit")),
        [apps.verify],
      ]),
    ),
);
log(`council #${techniqueId}: register technique "Formal verification toolkit" — 1 of 3 approvals`);

console.log("Demo Fund seeded.");
