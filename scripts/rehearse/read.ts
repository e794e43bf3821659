// The rehearsal's client-side check, run by `npm run rehearse:deploy` under plain Node (no Hardhat):
// reads the rehearsal deployment through the SDK exactly as the dashboard does — the deployment
// record, then one FundLens snapshot over HTTP — and checks that it shows the Fund the parameters
// file describes. Usage: node scripts/rehearse/read.ts <rpc-url> <deployed_addresses.json> <parameters.json>
import { readFileSync } from "node:fs";

import { type Address, createPublicClient, getAddress, http } from "viem";
import { baseSepolia } from "viem/chains";

import { page, readSnapshot, snapshotQuery } from "@fef/sdk/lens";
import { readDeploymentFile } from "@fef/sdk/node/deploymentFile";

const [url, deploymentFile, parametersFile] = process.argv.slice(2);
if (!url || !deploymentFile || !parametersFile)
  throw new Error(
    "usage: node scripts/rehearse/read.ts <rpc-url> <deployed_addresses.json> <parameters.json>",
  );

const parameters = JSON.parse(readFileSync(parametersFile, "utf8")) as {
  FundCouncil: { trustees: string[]; threshold: number; proposalLifetime: number; migrationDelay: number };
  DeterministicFund: { council: string; maxPauseDuration: number };
};
const deployment = readDeploymentFile(deploymentFile, baseSepolia.id);
const lens = deployment.addresses.FundLens;
if (!lens) throw new Error(`${deploymentFile} has no FundLens`);

// No chain formatters: the same plain reads the dashboard's transport makes.
const client = createPublicClient({ transport: http(url) });
const snapshot = await readSnapshot(
  client,
  lens,
  snapshotQuery("0x0000000000000000000000000000000000000000" as Address, {
    holders: page(0n, 10n),
    rounds: page(0n, 10n),
    offerings: page(0n, 10n),
    proposals: page(0n, 10n),
  }),
);
const { fund } = snapshot;

const failures: string[] = [];
function check(condition: boolean, what: string): void {
  console.log(`${condition ? "✔" : "✖"} ${what}`);
  if (!condition) failures.push(what);
}
const same = (a: string, b: string | undefined) => b !== undefined && getAddress(a) === getAddress(b);

check((await client.getChainId()) === baseSepolia.id, `the lens answers on chain ${baseSepolia.id}`);
check(
  same(parameters.DeterministicFund.council, deployment.addresses.TrusteeCouncil),
  "the deployment record names the parameters' council",
);
check(same(fund.system.shares, deployment.addresses.FundShares), "the lens reads the recorded FundShares");
check(same(fund.system.capitalPool, deployment.addresses.CapitalPool), "… the recorded CapitalPool");
check(same(fund.system.grantRounds, deployment.addresses.GrantRounds), "… the recorded GrantRounds");
check(same(fund.system.offerings, deployment.addresses.Offerings), "… the recorded Offerings");
check(
  same(fund.system.returnsRegistry, deployment.addresses.ReturnsRegistry),
  "… the recorded ReturnsRegistry",
);
check(
  fund.trustees.length === parameters.FundCouncil.trustees.length &&
    fund.trustees.every((t, i) => same(t, parameters.FundCouncil.trustees[i])),
  `the council's trustees are the parameters' ${parameters.FundCouncil.trustees.length}`,
);
check(fund.threshold === BigInt(parameters.FundCouncil.threshold), `threshold ${fund.threshold}`);
check(
  fund.proposalLifetime === BigInt(parameters.FundCouncil.proposalLifetime),
  `proposal lifetime ${fund.proposalLifetime} s`,
);
check(
  fund.migrationDelay === BigInt(parameters.FundCouncil.migrationDelay),
  `migration delay ${fund.migrationDelay} s`,
);
check(
  fund.name === "Future Endowment Fund Share" && fund.symbol === "FEFS",
  `shares ${fund.name} (${fund.symbol})`,
);
check(fund.totalSupply === 0n && fund.holderCount === 0n, "no share exists yet, no holder");
check(!fund.paused && !fund.transfersEnabled, "not paused; share transfers off");
check(
  fund.proposalCount === 0n && fund.roundCount === 0n && fund.offeringCount === 0n,
  "no proposal, round or offering yet",
);
check(snapshot.holders.length === 0 && snapshot.proposals.length === 0, "the snapshot's pages are empty");

if (failures.length > 0) {
  console.error(`\n✖ ${failures.length} check(s) of the FundLens snapshot failed`);
  process.exitCode = 1;
} else
  console.log(
    `\n✔ FundLens snapshot at block ${fund.blockNumber}: the Fund as the parameters file describes it`,
  );
