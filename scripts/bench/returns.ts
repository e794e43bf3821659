/**
 * Gas of the returns registry's user actions at growing populations: submitting a signed Promise of
 * Future Returns (ECDSA and ERC-1271 signers) and reporting a period with its payment (ETH and ERC-20).
 * Every figure is the full transaction's gasUsed from its receipt. Reports are measured in steady
 * state (the asset has been paid in before), which is every report but the very first in an asset;
 * that first one is measured too and labelled as such.
 */
import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { ContractTransactionResponse } from "ethers";
import { network } from "hardhat";

import type {
  ERC1271WalletMock,
  FundShares,
  ReturnsRegistry,
  TestToken,
} from "../../types/ethers-contracts/index.js";
import type { GasRow } from "./rows.js";

const ETH = "0x0000000000000000000000000000000000000000";
const DAY = 86_400n;
const REPORT_TARGET = 120_000;
const HOLDER_COUNTS = [10, 1_000];
const COMPANY_COUNTS = [1, 100];
const PAST_PERIODS = 300;
const MINT_BATCH = 250;

const PROMISE_TYPES = {
  PromiseOfFutureReturns: [
    { name: "companyId", type: "uint256" },
    { name: "techniqueIds", type: "uint256[]" },
    { name: "modelName", type: "string" },
    { name: "modelHash", type: "bytes32" },
    { name: "returnsShareBps", type: "uint16" },
    { name: "start", type: "uint64" },
    { name: "end", type: "uint64" },
    { name: "periodLength", type: "uint64" },
    { name: "gracePeriod", type: "uint64" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
};

interface Population {
  ethers: HardhatEthers;
  registry: ReturnsRegistry;
  shares: FundShares;
  token: TestToken;
  wallet: ERC1271WalletMock;
  company: HardhatEthersSigner;
  start: bigint;
}

async function gasOf(tx: Promise<ContractTransactionResponse>): Promise<number> {
  const receipt = await (await tx).wait();
  if (!receipt) throw new Error("no receipt");
  return Number(receipt.gasUsed);
}

/** Mints one share to each of `count` fresh holders, many transactions per block. */
async function mintHolders(
  ethers: HardhatEthers,
  shares: FundShares,
  minter: HardhatEthersSigner,
  count: number,
) {
  await ethers.provider.send("evm_setAutomine", [false]);
  try {
    let nonce = await minter.getNonce();
    for (let done = 0; done < count; done += MINT_BATCH) {
      const sends: Promise<ContractTransactionResponse>[] = [];
      for (let i = done; i < Math.min(count, done + MINT_BATCH); i++) {
        const holder = ethers.Wallet.createRandom().address;
        sends.push(shares.connect(minter).mint(holder, 10n ** 18n, { nonce: nonce++, gasLimit: 300_000 }));
      }
      await Promise.all(sends);
      await ethers.provider.send("hardhat_mine", ["0x1"]);
    }
  } finally {
    await ethers.provider.send("evm_setAutomine", [true]);
  }
  const holders = await shares.holderCount();
  if (holders !== BigInt(count)) throw new Error(`expected ${count} holders, found ${holders}`);
}

/** A fresh chain: ledger with ETH and a token, registry, two techniques, and `holders` shareholders. */
async function populate(holders: number): Promise<Population> {
  const { ethers } = await network.create();
  const [deployer, council, company, walletOwner] = await ethers.getSigners();
  if (!deployer || !council || !company || !walletOwner) throw new Error("needs four accounts");
  const shares = await ethers.deployContract("FundShares", [
    "Future Endowment Fund Shares",
    "FEF",
    deployer.address,
  ]);
  const token = await ethers.deployContract("TestToken", ["Test USD", "TUSD", 6]);
  await shares.addReturnsAsset(await token.getAddress());
  await shares.grantRole(await shares.MINTER_ROLE(), deployer.address);
  await mintHolders(ethers, shares, deployer, holders);

  const registry = await ethers.deployContract("ReturnsRegistry", [
    council.address,
    await shares.getAddress(),
  ]);
  await registry.connect(council).registerTechnique("Debate", "ipfs://debate", ethers.id("debate"), [1n]);
  await registry.connect(council).registerTechnique("Probes", "ipfs://probes", ethers.id("probes"), [2n]);
  const wallet = await ethers.deployContract("ERC1271WalletMock", [walletOwner.address]);

  // The company holds tokens and has approved the registry for far more than it will pay.
  await token.mint(company.address, 10n ** 30n);
  await token.connect(company).approve(await registry.getAddress(), 10n ** 30n);

  const latest = await ethers.provider.getBlock("latest");
  if (!latest) throw new Error("no block");
  return { ethers, registry, shares, token, wallet, company, start: BigInt(latest.timestamp) + DAY };
}

function terms(companyId: bigint, start: bigint, nonce: bigint, periods: bigint) {
  return {
    companyId,
    techniqueIds: [1n, 2n],
    modelName: "Aligned-7B",
    modelHash: "0x" + "ab".repeat(32),
    returnsShareBps: 500,
    start,
    end: start + periods * DAY,
    periodLength: DAY,
    gracePeriod: 7n * DAY,
    nonce,
    deadline: start + 10_000n * DAY,
  };
}

/** Registers a company run by `admin` (with the wallet as extra signer) and an ECDSA-signed commitment. */
async function addCompany(
  population: Population,
  nonce: bigint,
): Promise<{ companyId: bigint; gas: number }> {
  const { ethers, registry, wallet, company, start } = population;
  await registry.connect(company).registerCompany("Company", "https://company.example", company.address);
  const companyId = await registry.companyCount();
  await registry.connect(company).setCompanySigner(companyId, await wallet.getAddress(), true);
  const promise = terms(companyId, start, nonce, BigInt(PAST_PERIODS) + 10n);
  const domain = {
    name: "Future Endowment Fund Returns Registry",
    version: "1",
    chainId: (await ethers.provider.getNetwork()).chainId,
    verifyingContract: await registry.getAddress(),
  };
  const signature = await company.signTypedData(domain, PROMISE_TYPES, promise);
  const gas = await gasOf(registry.submitCommitment(promise, company.address, signature));
  return { companyId, gas };
}

async function submitViaWallet(population: Population, companyId: bigint, nonce: bigint): Promise<number> {
  const { ethers, registry, wallet, start } = population;
  const [, , , walletOwner] = await ethers.getSigners();
  if (!walletOwner) throw new Error("needs the wallet owner");
  const promise = terms(companyId, start, nonce, BigInt(PAST_PERIODS) + 10n);
  const domain = {
    name: "Future Endowment Fund Returns Registry",
    version: "1",
    chainId: (await ethers.provider.getNetwork()).chainId,
    verifyingContract: await registry.getAddress(),
  };
  const signature = await walletOwner.signTypedData(domain, PROMISE_TYPES, promise);
  return gasOf(registry.submitCommitment(promise, await wallet.getAddress(), signature));
}

async function reportEth(population: Population, commitmentId: bigint, period: bigint): Promise<number> {
  const { registry, company } = population;
  const gross = 123_456_789_000_000_000n;
  const due = await registry.dueAmount(commitmentId, gross);
  return gasOf(
    registry
      .connect(company)
      .reportReturns(commitmentId, period, ETH, gross, "0x" + "ee".repeat(32), { value: due }),
  );
}

async function reportToken(population: Population, commitmentId: bigint, period: bigint): Promise<number> {
  const { registry, token, company } = population;
  return gasOf(
    registry
      .connect(company)
      .reportReturns(commitmentId, period, await token.getAddress(), 987_654_321n, "0x" + "ee".repeat(32)),
  );
}

export async function benchReturns(): Promise<GasRow[]> {
  const rows: GasRow[] = [];
  for (const holders of HOLDER_COUNTS) {
    const population = await populate(holders);
    const { registry, ethers } = population;
    // Past all periods used below, so every period has ended.
    await ethers.provider.send("evm_setNextBlockTimestamp", [
      Number(population.start + BigInt(PAST_PERIODS + 5) * DAY),
    ]);
    await ethers.provider.send("hardhat_mine", ["0x1"]);

    // Nonces 256 apart: every submission marks a fresh word of the company's nonce bitmap, so the
    // ECDSA and ERC-1271 figures differ only by the signature check.
    let nonce = 0n;
    const nextNonce = () => (nonce += 256n);
    for (const companies of COMPANY_COUNTS) {
      let submitted = { companyId: 0n, gas: 0 };
      while ((await registry.companyCount()) < BigInt(companies))
        submitted = await addCompany(population, nextNonce());
      const ecdsaCommitment = await registry.commitmentCount();
      const walletGas = await submitViaWallet(population, submitted.companyId, nextNonce());
      const walletCommitment = await registry.commitmentCount();
      const scale = { holders, dimension: "companies (one commitment each)", size: companies };
      rows.push({ op: "submitCommitment (ECDSA)", gas: submitted.gas, ...scale });
      rows.push({ op: "submitCommitment (ERC-1271)", gas: walletGas, ...scale });

      if (companies === COMPANY_COUNTS[0]) {
        // The very first payment of each asset through the registry: its running total and the
        // ledger's books for the asset are written from zero, once in the registry's lifetime.
        const firstEth = await reportEth(population, ecdsaCommitment, 0n);
        const firstToken = await reportToken(population, walletCommitment, 0n);
        rows.push({
          op: "reportReturns (ETH), one-off: first payment in the asset",
          gas: firstEth,
          ...scale,
        });
        rows.push({
          op: "reportReturns (ERC-20), one-off: first payment in the asset",
          gas: firstToken,
          ...scale,
        });
      }
      const ethPeriod = (await registry.commitment(ecdsaCommitment)).reportedCount;
      const tokenPeriod = (await registry.commitment(walletCommitment)).reportedCount;
      const ethGas = await reportEth(population, ecdsaCommitment, ethPeriod);
      const tokenGas = await reportToken(population, walletCommitment, tokenPeriod);
      rows.push({ op: "reportReturns (ETH)", gas: ethGas, ...scale, target: REPORT_TARGET });
      rows.push({ op: "reportReturns (ERC-20)", gas: tokenGas, ...scale, target: REPORT_TARGET });
    }

    // Many past periods on one commitment, paid alternately in ETH and the token, then measure the next ones.
    const longCommitment = await registry.commitmentCount();
    let period = (await registry.commitment(longCommitment)).reportedCount;
    while (period < BigInt(PAST_PERIODS)) {
      if (period % 2n === 0n) await reportEth(population, longCommitment, period);
      else await reportToken(population, longCommitment, period);
      period++;
    }
    const periods = { holders, dimension: "past periods of the commitment", size: PAST_PERIODS };
    const ethGas = await reportEth(population, longCommitment, period);
    const tokenGas = await reportToken(population, longCommitment, period + 1n);
    rows.push({ op: "reportReturns (ETH)", gas: ethGas, ...periods, target: REPORT_TARGET });
    rows.push({ op: "reportReturns (ERC-20)", gas: tokenGas, ...periods, target: REPORT_TARGET });
  }
  return rows;
}
