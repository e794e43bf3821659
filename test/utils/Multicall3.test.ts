import { expect } from "chai";
import { AbiCoder } from "ethers";
import { network } from "hardhat";

const { ethers, networkHelpers } = await network.create();
const coder = AbiCoder.defaultAbiCoder();

async function deploy() {
  const [holder, other] = await ethers.getSigners();
  if (!holder || !other) throw new Error("two signers needed");
  const multicall = await ethers.deployContract("Multicall3");
  const token = await ethers.deployContract("TestToken", ["Test USD", "tUSD", 6]);
  await token.mint(holder.address, 1_000n);
  return { multicall, token, holder, other };
}

describe("Multicall3", () => {
  it("returns each call's result in order", async () => {
    const { multicall, token, holder, other } = await networkHelpers.loadFixture(deploy);
    const target = await token.getAddress();
    const results = await multicall.aggregate3.staticCall([
      {
        target,
        allowFailure: false,
        callData: token.interface.encodeFunctionData("balanceOf", [holder.address]),
      },
      {
        target,
        allowFailure: false,
        callData: token.interface.encodeFunctionData("balanceOf", [other.address]),
      },
      { target, allowFailure: false, callData: token.interface.encodeFunctionData("decimals") },
    ]);
    expect(results.map((r) => r.success)).to.deep.equal([true, true, true]);
    expect(results.map((r) => coder.decode(["uint256"], r.returnData)[0])).to.deep.equal([1_000n, 0n, 6n]);
  });

  it("reports a failing call as unsuccessful, with its revert data, when failure is allowed", async () => {
    const { multicall, token, holder, other } = await networkHelpers.loadFixture(deploy);
    const failing = token.interface.encodeFunctionData("transferFrom", [holder.address, other.address, 1n]);
    const [result] = await multicall.aggregate3.staticCall([
      { target: await token.getAddress(), allowFailure: true, callData: failing },
    ]);
    expect(result?.success).to.equal(false);
    const decoded = token.interface.parseError(result?.returnData ?? "0x");
    expect(decoded?.name).to.equal("ERC20InsufficientAllowance");
    expect(decoded?.args.toArray()).to.deep.equal([await multicall.getAddress(), 0n, 1n]);
  });

  it("reverts the whole batch with the inner custom error when a call may not fail", async () => {
    const { multicall, token, holder, other } = await networkHelpers.loadFixture(deploy);
    const failing = token.interface.encodeFunctionData("transferFrom", [holder.address, other.address, 1n]);
    await expect(
      multicall.aggregate3.staticCall([
        { target: await token.getAddress(), allowFailure: false, callData: failing },
      ]),
    )
      .to.be.revertedWithCustomError(token, "ERC20InsufficientAllowance")
      .withArgs(await multicall.getAddress(), 0n, 1n);
  });

  it("reads block number, timestamp, chain id, block hash and ETH balances", async () => {
    const { multicall, holder } = await networkHelpers.loadFixture(deploy);
    const block = await ethers.provider.getBlock("latest");
    if (!block) throw new Error("no block");
    expect(await multicall.getBlockNumber()).to.equal(BigInt(block.number));
    expect(await multicall.getCurrentBlockTimestamp()).to.equal(BigInt(block.timestamp));
    expect(await multicall.getChainId()).to.equal((await ethers.provider.getNetwork()).chainId);
    // Inside a call the current block's own hash is not yet known; the parent's is.
    expect(await multicall.getBlockHash(block.number - 1)).to.equal(block.parentHash);
    expect(await multicall.getLastBlockHash()).to.equal(block.parentHash);
    expect(await multicall.getEthBalance(holder.address)).to.equal(
      await ethers.provider.getBalance(holder.address),
    );
  });
});
