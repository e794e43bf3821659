import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { network } from "hardhat";

import type { CapitalPool, FundShares, TestToken } from "../../types/ethers-contracts/index.js";
import { deployLedger, ETH, ONE_SHARE } from "./ledger.js";

/** The signers every shares test uses, by role. */
export interface ShareSigners {
  admin: HardhatEthersSigner;
  minter: HardhatEthersSigner;
  alice: HardhatEthersSigner;
  bob: HardhatEthersSigner;
  carol: HardhatEthersSigner;
  dave: HardhatEthersSigner;
  payer: HardhatEthersSigner;
  outsider: HardhatEthersSigner;
}

/** A freshly deployed ledger with a test minter; only ETH is a returns asset. */
export interface SharesFixture extends ShareSigners {
  shares: FundShares;
  /** The capital pool that receives returns held while no share existed. */
  pool: CapitalPool;
  sharesAddress: string;
  minterRole: string;
  adminRole: string;
}

/** The ledger with two more returns assets: an 18-decimal and a 6-decimal TestToken. */
export interface SharesWithTokensFixture extends SharesFixture {
  token18: TestToken;
  token18Address: string;
  token6: TestToken;
  token6Address: string;
}

/**
 * Fixture factories. `loadFixture` caches by function identity, so each test file builds its
 * fixtures once, at module level, from its own `ethers`.
 */
export function sharesFixtures(ethers: HardhatEthers): {
  deployShares: () => Promise<SharesFixture>;
  deploySharesWithTokens: () => Promise<SharesWithTokensFixture>;
} {
  async function deployShares(): Promise<SharesFixture> {
    const all = await ethers.getSigners();
    const pick = (index: number): HardhatEthersSigner => {
      const signer = all[index];
      if (signer === undefined) throw new Error(`signer ${index} missing`);
      return signer;
    };
    const signers: ShareSigners = {
      admin: pick(0),
      minter: pick(1),
      alice: pick(2),
      bob: pick(3),
      carol: pick(4),
      dave: pick(5),
      payer: pick(6),
      outsider: pick(7),
    };
    const { admin, minter } = signers;
    const { pool, shares } = await deployLedger(ethers, admin);
    const minterRole = await shares.MINTER_ROLE();
    await shares.connect(admin).grantRole(minterRole, minter.address);
    return {
      ...signers,
      shares,
      pool,
      sharesAddress: await shares.getAddress(),
      minterRole,
      adminRole: await shares.DEFAULT_ADMIN_ROLE(),
    };
  }

  async function deploySharesWithTokens(): Promise<SharesWithTokensFixture> {
    const base = await deployShares();
    const token18 = await ethers.deployContract("TestToken", ["Test Dollar", "TUSD", 18]);
    const token6 = await ethers.deployContract("TestToken", ["Test Coin", "TUSDC", 6]);
    const token18Address = await token18.getAddress();
    const token6Address = await token6.getAddress();
    await base.shares.connect(base.admin).addReturnsAsset(token18Address);
    await base.shares.connect(base.admin).addReturnsAsset(token6Address);
    // The payer holds plenty of both tokens and has approved the ledger once.
    for (const token of [token18, token6]) {
      await token.mint(base.payer.address, 10n ** 30n);
      await token.connect(base.payer).approve(base.sharesAddress, 2n ** 256n - 1n);
    }
    return { ...base, token18, token18Address, token6, token6Address };
  }

  return { deployShares, deploySharesWithTokens };
}

/** A network connection of its own for one test file, with that file's fixtures. */
export async function sharesNetwork() {
  const connection = await network.create();
  return { ...connection, ...sharesFixtures(connection.ethers) };
}

/** Mints Alice 3 shares and Bob 1 (supply 4). */
export async function mintThreeToOne(fixture: SharesFixture): Promise<void> {
  await fixture.shares.connect(fixture.minter).mint(fixture.alice.address, 3n * ONE_SHARE);
  await fixture.shares.connect(fixture.minter).mint(fixture.bob.address, ONE_SHARE);
}

/** The payer distributes each `[asset, amount]` in turn (ETH as value, tokens from its allowance). */
export async function distributeEach(
  fixture: SharesFixture,
  payments: readonly (readonly [asset: string, amount: bigint])[],
): Promise<void> {
  for (const [asset, amount] of payments) {
    const value = asset === ETH ? amount : 0n;
    await fixture.shares.connect(fixture.payer).distribute(asset, amount, { value });
  }
}

/** The ledger with tokens, Alice 3 shares and Bob 1 (supply 4), then each payment of `payments` distributed. */
export async function deployThreeToOneWithReturns(
  deploySharesWithTokens: () => Promise<SharesWithTokensFixture>,
  payments: (fixture: SharesWithTokensFixture) => readonly (readonly [asset: string, amount: bigint])[],
): Promise<SharesWithTokensFixture> {
  const fixture = await deploySharesWithTokens();
  await mintThreeToOne(fixture);
  await distributeEach(fixture, payments(fixture));
  return fixture;
}

/** A plain snapshot of the ledger's books for the given assets and accounts, to prove "nothing changed". */
export interface LedgerSnapshot {
  totalSupply: bigint;
  paused: boolean;
  transfersEnabled: boolean;
  holderCount: bigint;
  assets: string[];
  books: Record<string, bigint[]>;
  assetBalances: Record<string, bigint>;
  balances: Record<string, bigint>;
  claimables: Record<string, bigint>;
}

async function assetBalance(ethers: HardhatEthers, asset: string, account: string): Promise<bigint> {
  if (asset === ETH) return ethers.provider.getBalance(account);
  const token = await ethers.getContractAt("TestToken", asset);
  return token.balanceOf(account);
}

/** Reads everything a failed call must leave untouched. */
export async function snapshotLedger(
  ethers: HardhatEthers,
  shares: FundShares,
  accounts: string[],
): Promise<LedgerSnapshot> {
  const sharesAddress = await shares.getAddress();
  const assets = [...(await shares.returnsAssets())];
  const books: Record<string, bigint[]> = {};
  const assetBalances: Record<string, bigint> = {};
  const claimables: Record<string, bigint> = {};
  const balances: Record<string, bigint> = {};
  for (const asset of assets) {
    books[asset] = [...(await shares.assetTotals(asset))];
    assetBalances[asset] = await assetBalance(ethers, asset, sharesAddress);
    for (const account of accounts) {
      claimables[`${account}/${asset}`] = await shares.claimable(account, asset);
    }
  }
  for (const account of accounts) balances[account] = await shares.balanceOf(account);
  return {
    totalSupply: await shares.totalSupply(),
    paused: await shares.paused(),
    transfersEnabled: await shares.transfersEnabled(),
    holderCount: await shares.holderCount(),
    assets,
    books,
    assetBalances,
    balances,
    claimables,
  };
}

/** Every holder, read page by page with the given page size. */
export async function allHolders(shares: FundShares, pageSize: bigint): Promise<string[]> {
  const count = await shares.holderCount();
  const result: string[] = [];
  for (let offset = 0n; offset < count; offset += pageSize) {
    result.push(...(await shares.holders(offset, pageSize)));
  }
  return result;
}

/** The books of an asset of which `amount` arrived and was all distributed, none of it claimed yet. */
export function distributedBooks(amount: bigint) {
  return { received: amount, distributed: amount, claimed: 0n, undistributed: 0n };
}

/** Named books of one asset, as `assetTotals` returns them. */
export async function booksOf(
  shares: FundShares,
  asset: string,
): Promise<{ received: bigint; distributed: bigint; claimed: bigint; undistributed: bigint }> {
  const [received, distributed, claimed, undistributed] = await shares.assetTotals(asset);
  return { received, distributed, claimed, undistributed };
}
