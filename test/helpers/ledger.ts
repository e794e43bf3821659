import { expect } from "chai";
import { ZeroAddress } from "ethers";
import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";

import type { CapitalPool, FundShares, TestToken } from "../../types/ethers-contracts/index.js";

/** Asset id of native ETH in the ledger. */
export const ETH = ZeroAddress;
/** One whole share (18 decimals). */
export const ONE_SHARE = 10n ** 18n;
/** One unit of an 18-decimal asset (1 ETH, 1 token). */
export const ONE = 10n ** 18n;
/** One unit of a 6-decimal token. */
export const ONE_USDC = 10n ** 6n;
/** The ledger's fixed-point magnitude for returns per share. */
export const MAGNITUDE = 10n ** 33n;
/** The ledger's documented limits. */
export const MAX_SUPPLY = 2n ** 96n - 1n;
export const MAX_OUTSTANDING_PER_ASSET = 2n ** 96n - 1n;
export const MAX_RETURNS_ASSETS = 8n;

/** Seconds a pause lasts unless renewed (the fixtures' deployment value). */
export const MAX_PAUSE = 30n * 24n * 3600n;

export interface LedgerOptions {
  /** The share token's name (default: the deployment module's). */
  name?: string;
  symbol?: string;
  maxPause?: bigint;
}

export interface Ledger {
  pool: CapitalPool;
  shares: FundShares;
}

/**
 * The share ledger and its capital pool wired as the deployment module wires them: `admin` holds
 * both admin roles, and the pool accepts the ledger's deposits (returns held while no share
 * existed move to capital).
 */
export async function deployLedger(
  ethers: HardhatEthers,
  admin: HardhatEthersSigner,
  options: LedgerOptions = {},
): Promise<Ledger> {
  const pool = await ethers.deployContract("CapitalPool", [admin.address], admin);
  const shares = await ethers.deployContract(
    "FundShares",
    [
      options.name ?? "Future Endowment Fund Share",
      options.symbol ?? "FEFS",
      admin.address,
      pool,
      options.maxPause ?? MAX_PAUSE,
    ],
    admin,
  );
  await pool.connect(admin).grantRole(await pool.DEPOSITOR_ROLE(), shares);
  return { pool, shares };
}

/**
 * Expects `holder` to claim its returns in ETH, then in `token`, each claim moving exactly the
 * claimable amount from the ledger to the holder.
 */
export async function expectClaimsBoth(
  ethers: HardhatEthers,
  shares: FundShares,
  holder: HardhatEthersSigner,
  token: TestToken,
  claimable: { readonly eth: bigint; readonly token: bigint },
): Promise<void> {
  await expect(shares.connect(holder).claimReturns(ETH)).to.changeEtherBalances(
    ethers,
    [holder, shares],
    [claimable.eth, -claimable.eth],
  );
  await expect(shares.connect(holder).claimReturns(token)).to.changeTokenBalances(
    ethers,
    token,
    [holder, shares],
    [claimable.token, -claimable.token],
  );
}
