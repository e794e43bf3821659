/**
 * Gas benchmark of the returns registry (ReturnsRegistry): submitting a signed Promise of Future
 * Returns (ECDSA and ERC-1271 signers) and reporting a period with its payment (ETH and ERC-20), at
 * 10 and 1,000 holders, at 1 and 100 companies (each with its commitment), and after 300 past
 * periods of one commitment. Every figure is the full transaction gas (receipt.gasUsed) of an
 * ordinary transaction. Operations are measured in steady state (the registry already holds a
 * commitment and the asset has been paid in before); the one-off first payment of each asset, which
 * writes the registry's and the ledger's running totals from zero, is measured too and labelled so.
 */
import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { ContractTransactionResponse } from "ethers";
import { ZeroAddress } from "ethers";
import { network } from "hardhat";
import type { Address } from "viem";

import { mutablePromiseTypes, promiseTypedData, type PromiseTerms } from "@fef/sdk/promise";

import type {
  ContractWalletMock,
  FundShares,
  ReturnsRegistry,
  TestToken,
} from "../../types/ethers-contracts/index.js";
import type { GasRow } from "./rows.js";

const ETH = ZeroAddress;
const DAY = 86_400n;
const REPORT_TARGET = 120_000;
const HOLDER_COUNTS = [10, 1_000];
const COMPANY_COUNTS = [1, 100];
const PAST_PERIODS = 300n;
/** Holders minted per BenchMinterMock transaction (~117k gas each), under the 2^24 transaction gas cap. */
const MINT_BATCH = 120;
const MINT_BATCH_GAS_LIMIT = 16_000_000n;
const EVIDENCE = "0x" + "ee".repeat(32);

interface Population {
  ethers: HardhatEthers;
  registry: ReturnsRegistry;
  token: TestToken;
  /** ERC-1271 wallet owned by `walletOwner`, an authorised signer of every company */
  wallet: ContractWalletMock;
  walletOwner: HardhatEthersSigner;
  /** admin of every company; pays every report */
  company: HardhatEthersSigner;
  start: bigint;
}

/** Measures the registry's operations at each population size. */
export async function benchReturns(): Promise<GasRow[]> {
  const rows: GasRow[] = [];
  for (const holders of HOLDER_COUNTS) {
    const started = Date.now();
    const connection = await network.create();
    try {
      rows.push(...(await benchPopulation(connection.ethers, holders)));
    } finally {
      await connection.close();
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`  returns: ${holders.toLocaleString("en-US")} holders in ${seconds} s`);
  }
  return rows;
}

async function benchPopulation(ethers: HardhatEthers, holders: number): Promise<GasRow[]> {
  const population = await deploy(ethers, holders);
  const { registry } = population;
  const rows: GasRow[] = [];
  // Every period used below has ended.
  await ethers.provider.send("evm_setNextBlockTimestamp", [
    Number(population.start + (PAST_PERIODS + 5n) * DAY),
  ]);
  await ethers.provider.send("hardhat_mine", ["0x1"]);

  // Nonces 256 apart: every submission marks a fresh word of its company's nonce bitmap, so the ECDSA
  // and ERC-1271 figures differ only by the signature check.
  let nonce = 0n;
  const nextNonce = () => (nonce += 256n);

  // Warm-up: the registry's first commitment writes its counter from zero.
  let companyId = await addCompany(population);
  await submit(population, companyId, nextNonce(), "ECDSA");

  for (const companies of COMPANY_COUNTS) {
    while ((await registry.companyCount()) < BigInt(companies)) {
      companyId = await addCompany(population);
      await submit(population, companyId, nextNonce(), "ECDSA");
    }
    const scale = { holders, dimension: "companies", size: companies };
    const ecdsa = await submit(population, companyId, nextNonce(), "ECDSA");
    const contractWallet = await submit(population, companyId, nextNonce(), "ERC-1271");
    rows.push({ op: "submitCommitment (ECDSA)", gas: ecdsa.gas, ...scale });
    rows.push({ op: "submitCommitment (ERC-1271)", gas: contractWallet.gas, ...scale });

    if (companies === COMPANY_COUNTS[0]) {
      const firstEth = await report(population, ecdsa.commitmentId, 0n, ETH);
      const firstToken = await report(
        population,
        contractWallet.commitmentId,
        0n,
        await population.token.getAddress(),
      );
      rows.push({ op: "reportReturns (ETH), one-off: first payment in the asset", gas: firstEth, ...scale });
      rows.push({
        op: "reportReturns (ERC-20), one-off: first payment in the asset",
        gas: firstToken,
        ...scale,
      });
    }
    rows.push({
      op: "reportReturns (ETH)",
      gas: await reportNext(population, ecdsa.commitmentId, ETH),
      ...scale,
      target: REPORT_TARGET,
    });
    rows.push({
      op: "reportReturns (ERC-20)",
      gas: await reportNext(population, contractWallet.commitmentId, await population.token.getAddress()),
      ...scale,
      target: REPORT_TARGET,
    });
  }

  // Many past periods of one commitment, paid alternately in ETH and the token; then the next ones.
  const longCommitment = await registry.commitmentCount();
  const token = await population.token.getAddress();
  for (
    let period = (await registry.commitment(longCommitment)).reportedCount;
    period < PAST_PERIODS;
    period++
  ) {
    await report(population, longCommitment, period, period % 2n === 0n ? ETH : token);
  }
  const periods = { holders, dimension: "past periods", size: Number(PAST_PERIODS) };
  const ethGas = await reportNext(population, longCommitment, ETH);
  const tokenGas = await reportNext(population, longCommitment, token);
  rows.push({ op: "reportReturns (ETH)", gas: ethGas, ...periods, target: REPORT_TARGET });
  rows.push({ op: "reportReturns (ERC-20)", gas: tokenGas, ...periods, target: REPORT_TARGET });
  return rows;
}

/** Ledger with ETH and a token, `holders` shareholders, a registry with two techniques, a wallet. */
async function deploy(ethers: HardhatEthers, holders: number): Promise<Population> {
  const [operator, council, company, walletOwner] = await ethers.getSigners();
  if (!operator || !council || !company || !walletOwner) throw new Error("need 4 dev signers");
  const shares = await ethers.deployContract("FundShares", ["Fund Shares", "PFE", operator.address]);
  const token = await ethers.deployContract("TestToken", ["Test Dollar", "TUSD", 6]);
  await shares.addReturnsAsset(await token.getAddress());
  await mintHolders(ethers, shares, holders);

  const registry = await ethers.deployContract("ReturnsRegistry", [
    council.address,
    await shares.getAddress(),
  ]);
  await registry.connect(council).registerTechnique("Debate", "ipfs://debate", ethers.id("debate"), [1n]);
  await registry.connect(council).registerTechnique("Probes", "ipfs://probes", ethers.id("probes"), [2n]);
  const wallet = await ethers.deployContract("ContractWalletMock", [walletOwner.address]);
  // The company holds tokens and has approved the registry for far more than it will pay.
  await token.mint(company.address, 10n ** 30n);
  await token.connect(company).approve(await registry.getAddress(), 10n ** 30n);

  const latest = await ethers.provider.getBlock("latest");
  if (!latest) throw new Error("no block");
  return { ethers, registry, token, wallet, walletOwner, company, start: BigInt(latest.timestamp) + DAY };
}

/** One share each to `count` holders, MINT_BATCH per transaction. */
async function mintHolders(ethers: HardhatEthers, shares: FundShares, count: number): Promise<void> {
  const minter = await ethers.deployContract("BenchMinterMock", [await shares.getAddress()]);
  await shares.grantRole(await shares.MINTER_ROLE(), await minter.getAddress());
  for (let first = 0; first < count; first += MINT_BATCH) {
    const batch = Math.min(MINT_BATCH, count - first);
    await minter.mintRange(first, batch, 10n ** 18n, { gasLimit: MINT_BATCH_GAS_LIMIT });
  }
  const minted = await shares.holderCount();
  if (minted !== BigInt(count)) throw new Error(`expected ${count} holders, found ${minted}`);
}

/** Registers a company run by `company`, with the wallet as an extra signer. */
async function addCompany(population: Population): Promise<bigint> {
  const { registry, wallet, company } = population;
  await registry.connect(company).registerCompany("Company", "https://company.example", company.address);
  const companyId = await registry.companyCount();
  await registry.connect(company).setCompanySigner(companyId, await wallet.getAddress(), true);
  return companyId;
}

function promise(companyId: bigint, start: bigint, nonce: bigint) {
  return {
    companyId,
    techniqueIds: [1n, 2n],
    modelName: "Aligned-7B",
    modelHash: "0x" + "ab".repeat(32),
    returnsShareBps: 500,
    start,
    end: start + (PAST_PERIODS + 10n) * DAY,
    periodLength: DAY,
    gracePeriod: 7n * DAY,
    nonce,
    deadline: start + 10_000n * DAY,
  };
}

/** Signs a promise for `companyId` (by the admin's key or through the wallet) and submits it. */
async function submit(
  population: Population,
  companyId: bigint,
  nonce: bigint,
  signerKind: "ECDSA" | "ERC-1271",
): Promise<{ commitmentId: bigint; gas: number }> {
  const { ethers, registry, wallet, walletOwner, company, start } = population;
  const terms = promise(companyId, start, nonce);
  const { chainId } = await ethers.provider.getNetwork();
  const typed = promiseTypedData(chainId, (await registry.getAddress()) as Address, terms as PromiseTerms);
  const key = signerKind === "ECDSA" ? company : walletOwner;
  const signer = signerKind === "ECDSA" ? company.address : await wallet.getAddress();
  const signature = await key.signTypedData(typed.domain, mutablePromiseTypes(), typed.message);
  const gas = await gasOf(registry.submitCommitment(terms, signer, signature));
  return { commitmentId: await registry.commitmentCount(), gas };
}

/** Reports `period` of a commitment with fixed gross returns and pays its share in `asset`. */
async function report(
  population: Population,
  commitmentId: bigint,
  period: bigint,
  asset: string,
): Promise<number> {
  const { registry, company } = population;
  const gross = asset === ETH ? 123_456_789_000_000_000n : 987_654_321n;
  const due = await registry.dueAmount(commitmentId, gross);
  const value = asset === ETH ? due : 0n;
  return gasOf(
    registry.connect(company).reportReturns(commitmentId, period, asset, gross, EVIDENCE, { value }),
  );
}

/** Reports the commitment's next unreported period. */
async function reportNext(population: Population, commitmentId: bigint, asset: string): Promise<number> {
  const next = (await population.registry.commitment(commitmentId)).reportedCount;
  return report(population, commitmentId, next, asset);
}

async function gasOf(tx: Promise<ContractTransactionResponse>): Promise<number> {
  const receipt = await (await tx).wait();
  if (!receipt) throw new Error("no receipt");
  return Number(receipt.gasUsed);
}
