import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { ZeroAddress, ZeroHash } from "ethers";

import type { CapitalPool, FundShares, Offerings, TestToken } from "../../types/ethers-contracts/index.js";
import type { IOfferings } from "../../types/ethers-contracts/capital/Offerings.js";
import { deployLedger } from "./ledger.js";

/** Asset id of native ETH in the ledger, the pool and offerings. */
export const ETH = ZeroAddress;
/** One whole share, in share units (18 decimals). */
export const SHARE = 10n ** 18n;
export const DAY = 86_400;

export type OfferingParams = IOfferings.OfferingParamsStruct;

/** The real ledger, pool and offerings, wired as in deployment, with a plain signer as council. */
export interface CapitalSystem {
  shares: FundShares;
  pool: CapitalPool;
  offerings: Offerings;
  /** 18-decimal returns asset */
  dai: TestToken;
  /** 6-decimal returns asset (a USDC stand-in) */
  usdc: TestToken;
  /** admin of the ledger and the pool (stands in for the council there) */
  deployer: HardhatEthersSigner;
  /** the only caller Offerings accepts for open/close */
  council: HardhatEthersSigner;
  /** holds STIPEND_ROLE on the pool (stands in for grant rounds) */
  stipendPayer: HardhatEthersSigner;
  /** every other account; the first eight (alice … heidi) hold both tokens, approved to Offerings */
  investors: HardhatEthersSigner[];
  alice: HardhatEthersSigner;
  bob: HardhatEthersSigner;
  carol: HardhatEthersSigner;
  dave: HardhatEthersSigner;
  erin: HardhatEthersSigner;
  frank: HardhatEthersSigner;
  grace: HardhatEthersSigner;
  heidi: HardhatEthersSigner;
  /** ivan, judy and mallory hold ETH only: no tokens, no approvals */
  ivan: HardhatEthersSigner;
  judy: HardhatEthersSigner;
  mallory: HardhatEthersSigner;
}

/** The element at `index`, or an error naming what is missing (the arrays here are never sparse). */
export function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item at index ${index} (only ${list.length})`);
  return item;
}

/**
 * Deploys FundShares, CapitalPool and Offerings; grants Offerings MINTER_ROLE on the ledger and
 * DEPOSITOR_ROLE on the pool, and STIPEND_ROLE to `stipendPayer`; lists two TestTokens as returns
 * assets and funds every investor with 1,000,000 of each, approved to Offerings.
 */
export async function deployCapitalSystem(ethers: HardhatEthers): Promise<CapitalSystem> {
  const signers = await ethers.getSigners();
  const [deployer, council, stipendPayer] = [at(signers, 0), at(signers, 1), at(signers, 2)];
  const investors = signers.slice(3);
  const { pool, shares } = await deployLedger(ethers, deployer);
  const offerings = await ethers.deployContract("Offerings", [council.address, shares, pool]);
  const dai = await ethers.deployContract("TestToken", ["Test DAI", "tDAI", 18]);
  const usdc = await ethers.deployContract("TestToken", ["Test USDC", "tUSDC", 6]);

  await shares.grantRole(await shares.MINTER_ROLE(), offerings);
  await pool.grantRole(await pool.DEPOSITOR_ROLE(), offerings);
  await pool.grantRole(await pool.STIPEND_ROLE(), stipendPayer);
  await shares.addReturnsAsset(dai);
  await shares.addReturnsAsset(usdc);

  for (const investor of investors.slice(0, 8)) {
    for (const [token, decimals] of [
      [dai, 18n],
      [usdc, 6n],
    ] as const) {
      await token.mint(investor, 1_000_000n * 10n ** decimals);
      await token.connect(investor).approve(offerings, ethers.MaxUint256);
    }
  }
  const names = [
    "alice",
    "bob",
    "carol",
    "dave",
    "erin",
    "frank",
    "grace",
    "heidi",
    "ivan",
    "judy",
    "mallory",
  ] as const;
  const named = Object.fromEntries(names.map((name, i) => [name, at(investors, i)])) as Record<
    (typeof names)[number],
    HardhatEthersSigner
  >;
  return { shares, pool, offerings, dai, usdc, deployer, council, stipendPayer, investors, ...named };
}

/** Latest block timestamp. */
export async function now(ethers: HardhatEthers): Promise<number> {
  const block = await ethers.provider.getBlock("latest");
  if (block === null) throw new Error("no latest block");
  return block.timestamp;
}

/**
 * Parameters of an open ETH offering that started a second ago and runs for seven days: 1 ETH per
 * share, a cap of 1,000 shares, a minimum of one share unit; override any field.
 */
export async function offeringParams(
  ethers: HardhatEthers,
  overrides: Partial<OfferingParams> = {},
): Promise<OfferingParams> {
  const start = (await now(ethers)) + 1;
  return {
    asset: ETH,
    pricePerShare: 10n ** 18n,
    shareCap: 1_000n * SHARE,
    minShares: 1n,
    start,
    end: start + 7 * DAY,
    allowlistRoot: ZeroHash,
    ...overrides,
  };
}

/** Opens an offering as the council and returns its id. */
export async function openOffering(system: CapitalSystem, params: OfferingParams): Promise<bigint> {
  const { offerings, council } = system;
  await offerings.connect(council).openOffering(params);
  return offerings.offeringCount();
}

/** ceil(shares × price / 1e18), as Offerings charges. */
export function costOf(shares: bigint, pricePerShare: bigint): bigint {
  return (shares * pricePerShare + SHARE - 1n) / SHARE;
}
