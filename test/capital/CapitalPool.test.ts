import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import { network } from "hardhat";

import { ETH, at } from "../helpers/capital.js";
import type { CapitalPool, TestToken } from "../../types/ethers-contracts/index.js";

const { ethers, networkHelpers } = await network.create();

const ETHER = 10n ** 18n;
const USDC = 10n ** 6n;

interface PoolFixture {
  pool: CapitalPool;
  usdc: TestToken;
  admin: HardhatEthersSigner;
  /** holds DEPOSITOR_ROLE (stands in for Offerings) */
  depositor: HardhatEthersSigner;
  /** holds STIPEND_ROLE (stands in for GrantRounds) */
  stipendPayer: HardhatEthersSigner;
  researcher: HardhatEthersSigner;
  outsider: HardhatEthersSigner;
  DEPOSITOR_ROLE: string;
  STIPEND_ROLE: string;
}

async function poolFixture(): Promise<PoolFixture> {
  const signers = await ethers.getSigners();
  const [admin, depositor, stipendPayer, researcher, outsider] = [0, 1, 2, 4, 5].map((i) =>
    at(signers, i),
  ) as [
    HardhatEthersSigner,
    HardhatEthersSigner,
    HardhatEthersSigner,
    HardhatEthersSigner,
    HardhatEthersSigner,
  ];
  const pool = await ethers.deployContract("CapitalPool", [admin.address]);
  const usdc = await ethers.deployContract("TestToken", ["Test USDC", "tUSDC", 6]);
  const DEPOSITOR_ROLE = await pool.DEPOSITOR_ROLE();
  const STIPEND_ROLE = await pool.STIPEND_ROLE();
  await pool.grantRole(DEPOSITOR_ROLE, depositor);
  await pool.grantRole(STIPEND_ROLE, stipendPayer);
  await usdc.mint(depositor, 1_000_000n * USDC);
  return {
    pool,
    usdc,
    admin,
    depositor,
    stipendPayer,
    researcher,
    outsider,
    DEPOSITOR_ROLE,
    STIPEND_ROLE,
  };
}

/** 10 ETH and 5,000 USDC of capital deposited, as an offering would. */
async function fundedPoolFixture(): Promise<PoolFixture> {
  const fixture = await poolFixture();
  const { pool, usdc, depositor } = fixture;
  await pool.connect(depositor).depositCapital(ETH, 10n * ETHER, 1n, { value: 10n * ETHER });
  await usdc.connect(depositor).transfer(pool, 5_000n * USDC);
  await pool.connect(depositor).depositCapital(usdc, 5_000n * USDC, 2n);
  return fixture;
}

async function booksOf(pool: CapitalPool, asset: string | TestToken) {
  const books = await pool.books(asset);
  return { capitalIn: books.capitalIn, stipendsPaid: books.stipendsPaid, reserved: books.reserved };
}

/** The books of an asset from which no stipend has been paid yet. */
function unpaid(capitalIn: bigint, reserved: bigint) {
  return { capitalIn, stipendsPaid: 0n, reserved };
}

describe("CapitalPool", function () {
  describe("roles", function () {
    it("gives the admin only the admin role and names the roles as documented", async function () {
      const { pool, admin, DEPOSITOR_ROLE, STIPEND_ROLE } = await networkHelpers.loadFixture(poolFixture);
      expect(DEPOSITOR_ROLE).to.equal(ethers.id("DEPOSITOR_ROLE"));
      expect(STIPEND_ROLE).to.equal(ethers.id("STIPEND_ROLE"));
      expect(await pool.ETH()).to.equal(ETH);
      expect(await pool.hasRole(await pool.DEFAULT_ADMIN_ROLE(), admin)).to.equal(true);
      expect(await pool.hasRole(DEPOSITOR_ROLE, admin)).to.equal(false);
      expect(await pool.hasRole(STIPEND_ROLE, admin)).to.equal(false);
    });

    it("lets only depositors deposit", async function () {
      const { pool, admin, stipendPayer, outsider, DEPOSITOR_ROLE } =
        await networkHelpers.loadFixture(poolFixture);
      for (const caller of [outsider, stipendPayer, admin]) {
        await expect(pool.connect(caller).depositCapital(ETH, ETHER, 1n, { value: ETHER }))
          .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
          .withArgs(caller.address, DEPOSITOR_ROLE);
      }
      expect(await ethers.provider.getBalance(pool)).to.equal(0n);
    });

    it("lets only stipend payers reserve, release and pay", async function () {
      const { pool, admin, depositor, stipendPayer, outsider, researcher, STIPEND_ROLE } =
        await networkHelpers.loadFixture(fundedPoolFixture);
      await pool.connect(stipendPayer).reserveStipends(ETH, ETHER);
      const before = await booksOf(pool, ETH);
      for (const caller of [outsider, depositor, admin]) {
        await expect(pool.connect(caller).reserveStipends(ETH, ETHER))
          .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
          .withArgs(caller.address, STIPEND_ROLE);
        await expect(pool.connect(caller).releaseStipends(ETH, ETHER))
          .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
          .withArgs(caller.address, STIPEND_ROLE);
        await expect(pool.connect(caller).payStipend(ETH, researcher, ETHER))
          .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
          .withArgs(caller.address, STIPEND_ROLE);
      }
      expect(await booksOf(pool, ETH)).to.deep.equal(before);
    });

    it("stops a stipend payer whose role the admin revoked", async function () {
      const { pool, admin, stipendPayer, researcher, STIPEND_ROLE } =
        await networkHelpers.loadFixture(fundedPoolFixture);
      await pool.connect(stipendPayer).reserveStipends(ETH, ETHER);
      await pool.connect(admin).revokeRole(STIPEND_ROLE, stipendPayer);
      await expect(pool.connect(stipendPayer).payStipend(ETH, researcher, ETHER))
        .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
        .withArgs(stipendPayer.address, STIPEND_ROLE);
    });
  });

  describe("depositCapital", function () {
    it("books ETH capital sent as exactly the amount", async function () {
      const { pool, depositor } = await networkHelpers.loadFixture(poolFixture);
      const tx = pool.connect(depositor).depositCapital(ETH, 3n * ETHER, 7n, { value: 3n * ETHER });
      await expect(tx)
        .to.emit(pool, "CapitalDeposited")
        .withArgs(ETH, depositor.address, 7n, 3n * ETHER);
      await expect(tx).to.changeEtherBalances(ethers, [depositor, pool], [-3n * ETHER, 3n * ETHER]);
      expect(await booksOf(pool, ETH)).to.deep.equal(unpaid(3n * ETHER, 0n));
      expect(await pool.availableCapital(ETH)).to.equal(3n * ETHER);
    });

    it("refuses ETH that does not match the amount: CapitalPoolWrongValue(expected, sent)", async function () {
      const { pool, depositor } = await networkHelpers.loadFixture(poolFixture);
      for (const sent of [ETHER - 1n, ETHER + 1n, 0n]) {
        await expect(pool.connect(depositor).depositCapital(ETH, ETHER, 1n, { value: sent }))
          .to.be.revertedWithCustomError(pool, "CapitalPoolWrongValue")
          .withArgs(ETHER, sent);
      }
      expect(await booksOf(pool, ETH)).to.deep.equal(unpaid(0n, 0n));
      expect(await ethers.provider.getBalance(pool)).to.equal(0n);
    });

    it("books ERC-20 capital the depositor transferred first", async function () {
      const { pool, usdc, depositor } = await networkHelpers.loadFixture(poolFixture);
      await usdc.connect(depositor).transfer(pool, 250n * USDC);
      await expect(pool.connect(depositor).depositCapital(usdc, 250n * USDC, 3n))
        .to.emit(pool, "CapitalDeposited")
        .withArgs(await usdc.getAddress(), depositor.address, 3n, 250n * USDC);
      expect(await booksOf(pool, usdc)).to.deep.equal(unpaid(250n * USDC, 0n));
      expect(await booksOf(pool, ETH)).to.deep.equal(unpaid(0n, 0n));
    });

    it("refuses ETH sent with an ERC-20 deposit: CapitalPoolWrongValue(0, sent)", async function () {
      const { pool, usdc, depositor } = await networkHelpers.loadFixture(poolFixture);
      await usdc.connect(depositor).transfer(pool, 250n * USDC);
      await expect(pool.connect(depositor).depositCapital(usdc, 250n * USDC, 3n, { value: 1n }))
        .to.be.revertedWithCustomError(pool, "CapitalPoolWrongValue")
        .withArgs(0n, 1n);
      expect((await pool.books(usdc)).capitalIn).to.equal(0n);
    });

    it("refuses to book tokens that are not there: CapitalPoolUnbackedDeposit(asset, balance, needed)", async function () {
      const { pool, usdc, depositor } = await networkHelpers.loadFixture(fundedPoolFixture);
      const token = await usdc.getAddress();
      await expect(pool.connect(depositor).depositCapital(usdc, 1n, 3n))
        .to.be.revertedWithCustomError(pool, "CapitalPoolUnbackedDeposit")
        .withArgs(token, 5_000n * USDC, 5_000n * USDC + 1n);
      await usdc.connect(depositor).transfer(pool, 99n * USDC);
      await expect(pool.connect(depositor).depositCapital(usdc, 100n * USDC, 3n))
        .to.be.revertedWithCustomError(pool, "CapitalPoolUnbackedDeposit")
        .withArgs(token, 5_099n * USDC, 5_100n * USDC);
      expect((await pool.books(usdc)).capitalIn).to.equal(5_000n * USDC);
    });

    it("counts only what the pool still holds after stipends when checking backing", async function () {
      const { pool, usdc, depositor, stipendPayer, researcher } =
        await networkHelpers.loadFixture(fundedPoolFixture);
      await pool.connect(stipendPayer).reserveStipends(usdc, 1_000n * USDC);
      await pool.connect(stipendPayer).payStipend(usdc, researcher, 1_000n * USDC);
      await usdc.connect(depositor).transfer(pool, 10n * USDC);
      // held = 5,000 − 1,000 = 4,000, balance 4,010: a deposit of 10 is backed, 11 is not.
      await expect(pool.connect(depositor).depositCapital(usdc, 11n * USDC, 3n))
        .to.be.revertedWithCustomError(pool, "CapitalPoolUnbackedDeposit")
        .withArgs(await usdc.getAddress(), 4_010n * USDC, 4_011n * USDC);
      await pool.connect(depositor).depositCapital(usdc, 10n * USDC, 3n);
      expect(await booksOf(pool, usdc)).to.deep.equal({
        capitalIn: 5_010n * USDC,
        stipendsPaid: 1_000n * USDC,
        reserved: 0n,
      });
    });

    it("refuses a zero deposit: CapitalPoolZeroAmount", async function () {
      const { pool, usdc, depositor } = await networkHelpers.loadFixture(poolFixture);
      await expect(pool.connect(depositor).depositCapital(ETH, 0n, 1n)).to.be.revertedWithCustomError(
        pool,
        "CapitalPoolZeroAmount",
      );
      await expect(pool.connect(depositor).depositCapital(usdc, 0n, 1n)).to.be.revertedWithCustomError(
        pool,
        "CapitalPoolZeroAmount",
      );
    });
  });

  describe("reserveStipends and releaseStipends", function () {
    it("moves available capital into the reserve and back", async function () {
      const { pool, stipendPayer } = await networkHelpers.loadFixture(fundedPoolFixture);
      await expect(pool.connect(stipendPayer).reserveStipends(ETH, 4n * ETHER))
        .to.emit(pool, "StipendsReserved")
        .withArgs(ETH, stipendPayer.address, 4n * ETHER);
      expect(await booksOf(pool, ETH)).to.deep.equal(unpaid(10n * ETHER, 4n * ETHER));
      expect(await pool.availableCapital(ETH)).to.equal(6n * ETHER);

      await expect(pool.connect(stipendPayer).releaseStipends(ETH, ETHER))
        .to.emit(pool, "StipendsReleased")
        .withArgs(ETH, stipendPayer.address, ETHER);
      expect(await booksOf(pool, ETH)).to.deep.equal(unpaid(10n * ETHER, 3n * ETHER));
      expect(await pool.availableCapital(ETH)).to.equal(7n * ETHER);
      // Reserving and releasing never moves money.
      expect(await ethers.provider.getBalance(pool)).to.equal(10n * ETHER);
    });

    it("refuses to reserve more than is available: CapitalPoolInsufficientCapital(asset, available, needed)", async function () {
      const { pool, usdc, stipendPayer } = await networkHelpers.loadFixture(fundedPoolFixture);
      await expect(pool.connect(stipendPayer).reserveStipends(ETH, 10n * ETHER + 1n))
        .to.be.revertedWithCustomError(pool, "CapitalPoolInsufficientCapital")
        .withArgs(ETH, 10n * ETHER, 10n * ETHER + 1n);
      await pool.connect(stipendPayer).reserveStipends(usdc, 4_000n * USDC);
      await expect(pool.connect(stipendPayer).reserveStipends(usdc, 1_000n * USDC + 1n))
        .to.be.revertedWithCustomError(pool, "CapitalPoolInsufficientCapital")
        .withArgs(await usdc.getAddress(), 1_000n * USDC, 1_000n * USDC + 1n);
      await pool.connect(stipendPayer).reserveStipends(usdc, 1_000n * USDC);
      expect(await pool.availableCapital(usdc)).to.equal(0n);
      expect((await pool.books(ETH)).reserved).to.equal(0n);
    });

    it("refuses to release more than is reserved: CapitalPoolInsufficientReserve(asset, reserved, needed)", async function () {
      const { pool, stipendPayer } = await networkHelpers.loadFixture(fundedPoolFixture);
      await pool.connect(stipendPayer).reserveStipends(ETH, 2n * ETHER);
      await expect(pool.connect(stipendPayer).releaseStipends(ETH, 2n * ETHER + 1n))
        .to.be.revertedWithCustomError(pool, "CapitalPoolInsufficientReserve")
        .withArgs(ETH, 2n * ETHER, 2n * ETHER + 1n);
      expect((await pool.books(ETH)).reserved).to.equal(2n * ETHER);
    });

    it("refuses zero amounts: CapitalPoolZeroAmount", async function () {
      const { pool, stipendPayer } = await networkHelpers.loadFixture(fundedPoolFixture);
      await expect(pool.connect(stipendPayer).reserveStipends(ETH, 0n)).to.be.revertedWithCustomError(
        pool,
        "CapitalPoolZeroAmount",
      );
      await expect(pool.connect(stipendPayer).releaseStipends(ETH, 0n)).to.be.revertedWithCustomError(
        pool,
        "CapitalPoolZeroAmount",
      );
    });
  });

  describe("payStipend", function () {
    it("pays an ETH stipend from the reserve", async function () {
      const { pool, stipendPayer, researcher } = await networkHelpers.loadFixture(fundedPoolFixture);
      await pool.connect(stipendPayer).reserveStipends(ETH, 3n * ETHER);
      const tx = pool.connect(stipendPayer).payStipend(ETH, researcher, 2n * ETHER);
      await expect(tx)
        .to.emit(pool, "StipendPaid")
        .withArgs(ETH, researcher.address, 2n * ETHER);
      await expect(tx).to.changeEtherBalances(
        ethers,
        [researcher, pool, stipendPayer],
        [2n * ETHER, -2n * ETHER, 0n],
      );
      expect(await booksOf(pool, ETH)).to.deep.equal({
        capitalIn: 10n * ETHER,
        stipendsPaid: 2n * ETHER,
        reserved: ETHER,
      });
      expect(await pool.availableCapital(ETH)).to.equal(7n * ETHER);
      expect(await ethers.provider.getBalance(pool)).to.equal(8n * ETHER);
    });

    it("pays an ERC-20 stipend from the reserve", async function () {
      const { pool, usdc, stipendPayer, researcher } = await networkHelpers.loadFixture(fundedPoolFixture);
      await pool.connect(stipendPayer).reserveStipends(usdc, 1_500n * USDC);
      const tx = pool.connect(stipendPayer).payStipend(usdc, researcher, 1_500n * USDC);
      await expect(tx)
        .to.emit(pool, "StipendPaid")
        .withArgs(await usdc.getAddress(), researcher.address, 1_500n * USDC);
      await expect(tx).to.changeTokenBalances(
        ethers,
        usdc,
        [researcher, pool],
        [1_500n * USDC, -1_500n * USDC],
      );
      expect(await booksOf(pool, usdc)).to.deep.equal({
        capitalIn: 5_000n * USDC,
        stipendsPaid: 1_500n * USDC,
        reserved: 0n,
      });
      expect(await usdc.balanceOf(pool)).to.equal(3_500n * USDC);
    });

    it("never pays unreserved capital: CapitalPoolInsufficientReserve(asset, reserved, needed)", async function () {
      const { pool, usdc, stipendPayer, researcher } = await networkHelpers.loadFixture(fundedPoolFixture);
      await expect(pool.connect(stipendPayer).payStipend(ETH, researcher, 1n))
        .to.be.revertedWithCustomError(pool, "CapitalPoolInsufficientReserve")
        .withArgs(ETH, 0n, 1n);
      await pool.connect(stipendPayer).reserveStipends(usdc, 100n * USDC);
      await expect(pool.connect(stipendPayer).payStipend(usdc, researcher, 100n * USDC + 1n))
        .to.be.revertedWithCustomError(pool, "CapitalPoolInsufficientReserve")
        .withArgs(await usdc.getAddress(), 100n * USDC, 100n * USDC + 1n);
      expect(await usdc.balanceOf(pool)).to.equal(5_000n * USDC);
      expect(await ethers.provider.getBalance(pool)).to.equal(10n * ETHER);
    });

    it("refuses a zero stipend: CapitalPoolZeroAmount", async function () {
      const { pool, stipendPayer, researcher } = await networkHelpers.loadFixture(fundedPoolFixture);
      await pool.connect(stipendPayer).reserveStipends(ETH, ETHER);
      await expect(pool.connect(stipendPayer).payStipend(ETH, researcher, 0n)).to.be.revertedWithCustomError(
        pool,
        "CapitalPoolZeroAmount",
      );
    });

    it("stops a receiver re-entering payStipend while it is being paid", async function () {
      const { pool, admin, stipendPayer, STIPEND_ROLE } = await networkHelpers.loadFixture(fundedPoolFixture);
      const receiver = await ethers.deployContract("ReentrantReceiverMock");
      // Even holding the stipend role itself, the receiver cannot pay itself twice.
      await pool.connect(admin).grantRole(STIPEND_ROLE, receiver);
      await pool.connect(stipendPayer).reserveStipends(ETH, 4n * ETHER);
      await receiver.arm(
        pool,
        pool.interface.encodeFunctionData("payStipend", [ETH, await receiver.getAddress(), ETHER]),
      );

      const payment = pool.connect(stipendPayer).payStipend(ETH, receiver, ETHER);
      await expect(payment).to.be.revertedWithCustomError(pool, "ReentrancyGuardReentrantCall");
      expect(await booksOf(pool, ETH)).to.deep.equal(unpaid(10n * ETHER, 4n * ETHER));
      expect(await ethers.provider.getBalance(receiver)).to.equal(0n);

      await receiver.arm(pool, "0x");
      await pool.connect(stipendPayer).payStipend(ETH, receiver, ETHER);
      expect(await ethers.provider.getBalance(receiver)).to.equal(ETHER);
    });

    it("stops a token hook re-entering payStipend or depositCapital", async function () {
      const { pool, admin, depositor, stipendPayer, researcher, STIPEND_ROLE, DEPOSITOR_ROLE } =
        await networkHelpers.loadFixture(fundedPoolFixture);
      const hookToken = await ethers.deployContract("CallbackTokenMock", ["Hook", "HOOK"]);
      await pool.connect(admin).grantRole(STIPEND_ROLE, hookToken);
      await pool.connect(admin).grantRole(DEPOSITOR_ROLE, hookToken);
      await hookToken.mint(pool, 100n * ETHER);
      await pool.connect(depositor).depositCapital(hookToken, 100n * ETHER, 1n);
      await pool.connect(stipendPayer).reserveStipends(hookToken, 50n * ETHER);

      for (const data of [
        pool.interface.encodeFunctionData("payStipend", [
          await hookToken.getAddress(),
          researcher.address,
          ETHER,
        ]),
        pool.interface.encodeFunctionData("depositCapital", [await hookToken.getAddress(), 1n, 1n]),
      ]) {
        await hookToken.arm(pool, data);
        await expect(
          pool.connect(stipendPayer).payStipend(hookToken, researcher, ETHER),
        ).to.be.revertedWithCustomError(pool, "ReentrancyGuardReentrantCall");
      }
      expect(await booksOf(pool, hookToken)).to.deep.equal(unpaid(100n * ETHER, 50n * ETHER));
      expect(await hookToken.balanceOf(researcher)).to.equal(0n);
    });

    it("reverts with FailedCall when the researcher cannot receive ETH, paying nothing", async function () {
      const { pool, usdc, stipendPayer } = await networkHelpers.loadFixture(fundedPoolFixture);
      await pool.connect(stipendPayer).reserveStipends(ETH, ETHER);
      const payment = pool.connect(stipendPayer).payStipend(ETH, usdc, ETHER);
      await expect(payment).to.be.revertedWithCustomError(pool, "FailedCall");
      expect(await booksOf(pool, ETH)).to.deep.equal(unpaid(10n * ETHER, ETHER));
    });
  });

  describe("books", function () {
    it("keeps balance = capital in − stipends paid and reserved ≤ held through a mixed sequence", async function () {
      const { pool, usdc, depositor, stipendPayer, researcher } =
        await networkHelpers.loadFixture(fundedPoolFixture);
      const steps: (() => Promise<unknown>)[] = [
        () => pool.connect(stipendPayer).reserveStipends(ETH, 6n * ETHER),
        () => pool.connect(stipendPayer).payStipend(ETH, researcher, 2n * ETHER),
        () => pool.connect(depositor).depositCapital(ETH, ETHER, 4n, { value: ETHER }),
        () => pool.connect(stipendPayer).releaseStipends(ETH, ETHER),
        () => pool.connect(stipendPayer).reserveStipends(usdc, 2_000n * USDC),
        () => pool.connect(stipendPayer).payStipend(usdc, researcher, 750n * USDC),
        () => pool.connect(stipendPayer).payStipend(ETH, researcher, 3n * ETHER),
      ];
      for (const step of steps) {
        await step();
        for (const asset of [ETH, await usdc.getAddress()]) {
          const books = await booksOf(pool, asset);
          const balance = asset === ETH ? await ethers.provider.getBalance(pool) : await usdc.balanceOf(pool);
          expect(balance).to.equal(books.capitalIn - books.stipendsPaid);
          expect(books.reserved).to.be.at.most(books.capitalIn - books.stipendsPaid);
          expect(await pool.availableCapital(asset)).to.equal(
            books.capitalIn - books.stipendsPaid - books.reserved,
          );
        }
      }
      expect(await booksOf(pool, ETH)).to.deep.equal({
        capitalIn: 11n * ETHER,
        stipendsPaid: 5n * ETHER,
        reserved: 0n,
      });
      expect(await booksOf(pool, usdc)).to.deep.equal({
        capitalIn: 5_000n * USDC,
        stipendsPaid: 750n * USDC,
        reserved: 1_250n * USDC,
      });
    });
  });
});
