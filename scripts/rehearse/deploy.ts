// The deployment of `npm run rehearse:deploy`, run as `hardhat run scripts/rehearse/deploy.ts
// --network rehearsal` against a local node that reports Base Sepolia's chain id. It deploys exactly
// as on the public network — the same two modules, the same kind of parameters file, the CREATE2
// strategy with the salt from hardhat.config.ts — then checks what a deployer must check before
// announcing the addresses: each address is the one CREATE2 predicts, every role is the council's,
// and the deployer keeps no privilege at all. Only two things differ from a public deployment: the
// CreateX factory (already at its canonical address on every public chain) is put on the rehearsal
// chain first, and receipts are polled every 50 ms with one confirmation.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

import { AbiCoder, getCreate2Address, getCreateAddress, keccak256 } from "ethers";
import hre, { network } from "hardhat";

import DeterministicFundModule from "../../ignition/modules/DeterministicFund.js";
import FundCouncilModule from "../../ignition/modules/FundCouncil.js";
import {
  DEFAULT_ADMIN_ROLE,
  DEPOSITOR_ROLE,
  MINTER_ROLE,
  STIPEND_ROLE,
} from "../../ignition/modules/roles.js";

const REHEARSAL_CHAIN_ID = 84532n;
const PARAMETERS = "ignition/parameters/rehearsal.json";
export const DEPLOYMENT_ID = "rehearsal-84532";
/** CreateX v0.1.0, the factory Ignition's create2 strategy calls (same address on every chain). */
const CREATE_X = "0xba5Ed099633D3B313e4D5F7bdc1305d3c28ba5Ed";

const { ethers, ignition, provider } = await network.create();
const chainId = (await ethers.provider.getNetwork()).chainId;
if (chainId !== REHEARSAL_CHAIN_ID)
  throw new Error(`The rehearsal expects chain ${REHEARSAL_CHAIN_ID}, not ${chainId}.`);
const [deployer] = await ethers.getSigners();
if (!deployer) throw new Error("the rehearsal chain has no accounts");

const failures: string[] = [];
function check(condition: boolean, what: string): void {
  console.log(`${condition ? "✔" : "✖"} ${what}`);
  if (!condition) failures.push(what);
}

/** Puts CreateX on the rehearsal chain with its keyless deployment transaction, as Ignition does on a Hardhat chain. */
async function ensureCreateX(): Promise<void> {
  if ((await ethers.provider.getCode(CREATE_X)) !== "0x") return;
  const core = createRequire(import.meta.url).resolve("@nomicfoundation/ignition-core");
  const artifactFile = new URL("internal/execution/strategy/createx-artifact.js", pathToFileURL(core));
  const { presignedTx } = (await import(artifactFile.href)) as { presignedTx: string };
  const keyless = ethers.Transaction.from(presignedTx).from;
  if (!keyless) throw new Error("the CreateX deployment transaction has no sender");
  await provider.request({ method: "hardhat_setBalance", params: [keyless, "0x58d15e176280000"] });
  await (await ethers.provider.broadcastTransaction(presignedTx)).wait();
  if ((await ethers.provider.getCode(CREATE_X)) === "0x") throw new Error("CreateX was not deployed");
}

const options = {
  parameters: PARAMETERS,
  deploymentId: DEPLOYMENT_ID,
  config: { blockPollingInterval: 50, requiredConfirmations: 1 },
} as const;

const parameters = JSON.parse(readFileSync(PARAMETERS, "utf8")) as {
  DeterministicFund: { council: string; maxPauseDuration: number };
};

console.log(`Rehearsing the deployment on chain ${chainId} with ${PARAMETERS}; deployer ${deployer.address}`);
check(
  (await ethers.provider.getTransactionCount(deployer.address)) === 0,
  "the deployer has sent nothing yet (nonce 0)",
);
await ensureCreateX();

// Step 1: the council, the deployer's first transaction: its address is known in advance.
const step1 = await ignition.deploy(FundCouncilModule, options);
const councilAddress = await step1.council.getAddress();
check(
  councilAddress === getCreateAddress({ from: deployer.address, nonce: 0 }),
  `council at ${councilAddress} (deployer, nonce 0)`,
);
check(councilAddress === parameters.DeterministicFund.council, "the parameters file names that council");

// Step 2: everything else through CreateX.
const fund = await ignition.deploy(DeterministicFundModule, { ...options, strategy: "create2" });

// Each address is CREATE2's prediction from the salt, the bytecode and the constructor arguments only.
const salt = hre.config.ignition.strategyConfig?.create2?.salt;
if (typeof salt !== "string")
  throw new Error("hardhat.config.ts has no ignition.strategyConfig.create2.salt");
// CreateX guards a salt whose first 20 bytes are zero and 21st byte 0x00 as keccak256(abi.encode(salt)).
const guardedSalt = keccak256(AbiCoder.defaultAbiCoder().encode(["bytes32"], [salt]));
const addressOf = async (c: { getAddress(): Promise<string> }) => c.getAddress();
const shares = await addressOf(fund.shares);
const pool = await addressOf(fund.capitalPool);
const expected: [string, string, unknown[]][] = [
  [
    "FundShares",
    shares,
    [
      "Future Endowment Fund Share",
      "FEFS",
      deployer.address,
      pool,
      parameters.DeterministicFund.maxPauseDuration,
    ],
  ],
  ["CapitalPool", pool, [deployer.address]],
  ["GrantRounds", await addressOf(fund.grantRounds), [councilAddress, shares, pool]],
  ["Offerings", await addressOf(fund.offerings), [councilAddress, shares, pool]],
  ["ReturnsRegistry", await addressOf(fund.returnsRegistry), [councilAddress, shares]],
  ["Multicall3", await addressOf(fund.multicall3), []],
  ["FundLens", await addressOf(fund.fundLens), [councilAddress]],
];
for (const [name, address, args] of expected) {
  const factory = await ethers.getContractFactory(name);
  const initCode = (await factory.getDeployTransaction(...args)).data;
  check(
    address === getCreate2Address(CREATE_X, guardedSalt, keccak256(initCode)),
    `${name} at ${address} (CREATE2, chain-independent)`,
  );
}

// Every role is the council's or a Fund contract's; the deployer keeps nothing.
const council = await ethers.getContractAt("TrusteeCouncil", councilAddress);
const sharesC = await ethers.getContractAt("FundShares", shares);
const poolC = await ethers.getContractAt("CapitalPool", pool);
const system = await council.systemContracts();
check(system.shares === shares && system.capitalPool === pool, "the council is bound to the deployed system");
for (const [name, contract] of [
  ["FundShares", sharesC],
  ["CapitalPool", poolC],
] as const) {
  check(await contract.hasRole(DEFAULT_ADMIN_ROLE, councilAddress), `${name}: the council is admin`);
  for (const [roleName, role] of Object.entries({
    DEFAULT_ADMIN_ROLE,
    MINTER_ROLE,
    DEPOSITOR_ROLE,
    STIPEND_ROLE,
  }))
    check(!(await contract.hasRole(role, deployer.address)), `${name}: the deployer has no ${roleName}`);
}
check(await sharesC.hasRole(MINTER_ROLE, system.grantRounds), "FundShares: GrantRounds mints");
check(await sharesC.hasRole(MINTER_ROLE, system.offerings), "FundShares: Offerings mints");
check(await poolC.hasRole(STIPEND_ROLE, system.grantRounds), "CapitalPool: GrantRounds pays stipends");
check(await poolC.hasRole(DEPOSITOR_ROLE, system.offerings), "CapitalPool: Offerings deposits");
check(!(await council.isTrustee(deployer.address)), "the deployer is not a trustee");
const grantRounds = await ethers.getContractAt("GrantRounds", system.grantRounds);
const offerings = await ethers.getContractAt("Offerings", system.offerings);
check((await grantRounds.council()) === councilAddress, "GrantRounds answers to the council only");
check((await offerings.council()) === councilAddress, "Offerings answers to the council only");
const own = deployer.address;
const hijack = { shares: own, grantRounds: own, offerings: own, capitalPool: own, returnsRegistry: own };
const rebind = await council
  .connect(deployer)
  .bindSystem.staticCall(hijack)
  .then(
    () => "accepted",
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
check(rebind.includes("CouncilAlreadyBound"), `the deployer cannot bind the system again (${rebind})`);

if (failures.length > 0) {
  console.error(`\n✖ ${failures.length} check(s) failed`);
  process.exitCode = 1;
} else
  console.log(
    "\n✔ Deployment rehearsed: deterministic addresses, every role with the council, nothing left to the deployer",
  );
