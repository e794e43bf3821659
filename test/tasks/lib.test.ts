import { expect } from "chai";
import { AbiCoder, Interface, ZeroAddress, id, parseEther, parseUnits } from "ethers";
import hre from "hardhat";
import { parseAbi, type Hex } from "viem";

import { decodeRevert, errorsOf, explainError } from "@fef/sdk/errors";
import { decodeActionParams, encodeActionParams } from "@fef/sdk/proposals";

import { parseAmount, parseAsset, parseDays, parseTime, parseWhole } from "../../tasks/lib/args.js";

describe("task libraries", () => {
  describe("revert decoding (SDK)", () => {
    it("names a custom error with its arguments and explains it in words, dates included", async () => {
      const council = new Interface((await hre.artifacts.readArtifact("ITrusteeCouncil")).abi);
      const data = council.encodeErrorResult("CouncilProposalExpired", [4n, 1_767_225_600n]) as Hex;
      const decoded = decodeRevert(data);
      expect(decoded?.name).to.equal("CouncilProposalExpired");
      expect(decoded?.args).to.deep.equal({ proposalId: 4n, expiredAt: 1_767_225_600n });
      expect(explainError({ data })).to.equal(
        "CouncilProposalExpired(proposalId: 4, expiredAt: 1767225600): Proposal #4 expired on 2026-01-01T00:00:00Z; create a new proposal instead.",
      );
    });

    it("says an unlisted error's name in words, and decodes Error(string) and panics", () => {
      const errors = errorsOf([parseAbi(["error GrantRoundsSomethingNew(uint64 endsAt)"])]);
      const data = new Interface(["error GrantRoundsSomethingNew(uint64 endsAt)"]).encodeErrorResult(
        "GrantRoundsSomethingNew",
        [1_767_225_600n],
      ) as Hex;
      expect(explainError({ data }, { errors })).to.equal(
        "GrantRoundsSomethingNew(endsAt: 1767225600): grant rounds: something new (endsAt 2026-01-01T00:00:00Z)",
      );
      const coder = AbiCoder.defaultAbiCoder();
      expect(
        decodeRevert(`0x08c379a0${coder.encode(["string"], ["nope"]).slice(2)}`, { errors })?.message,
      ).to.equal("reverted: nope");
      expect(
        decodeRevert(`0x4e487b71${coder.encode(["uint256"], [0x11]).slice(2)}`, { errors })?.message,
      ).to.equal("Panic(0x11): arithmetic overflow or underflow");
      expect(decodeRevert(id("Unknown()").slice(0, 10) as Hex)).to.equal(undefined);
    });

    it("finds revert data nested in a provider error, else uses the error's own short message", () => {
      const paused = `0x${id("FundSharesNotPaused()").slice(2, 10)}`;
      expect(explainError({ message: "call failed", info: { error: { data: paused } } })).to.equal(
        "FundSharesNotPaused(): The Fund is not paused, so there is no pause to end or renew.",
      );
      expect(explainError({ shortMessage: "insufficient funds for gas", message: "long\ntext" })).to.equal(
        "insufficient funds for gas",
      );
      expect(explainError({ data: "0xdeadbeef" })).to.equal("reverted with unknown error data 0xdeadbeef");
    });
  });

  describe("proposal params (SDK)", () => {
    it("round-trips a tuple given as an array, and names the element that does not fit", () => {
      const offering = [
        ZeroAddress,
        "1000",
        "5000",
        "1",
        "2026-01-01",
        1_800_000_000,
        `0x${"00".repeat(32)}`,
      ];
      const args = encodeActionParams("OpenOffering", [offering]);
      expect(decodeActionParams("OpenOffering", args)).to.deep.equal({
        params: {
          asset: ZeroAddress,
          pricePerShare: 1000n,
          shareCap: 5000n,
          minShares: 1n,
          start: 1_767_225_600n,
          end: 1_800_000_000n,
          allowlistRoot: `0x${"00".repeat(32)}`,
        },
      });
      expect(() => encodeActionParams("CloseRound", [2 ** 60], "--params")).to.throw(
        "--params[0]: expected uint256 (a whole number ≥ 0); write large numbers as strings",
      );
      expect(() => encodeActionParams("DisputeReport", [1, 0, "0x12"], "--params")).to.throw(
        '--params[2]: expected bytes32 (0x and 64 hex digits), got "0x12"',
      );
      expect(() => encodeActionParams("SetTransfersEnabled", ["yes"], "--params")).to.throw(
        '--params[0]: expected true or false, got "yes"',
      );
      expect(() => encodeActionParams("ChangeThreshold", { threshold: 2 }, "--params")).to.throw(
        "--params: expected a JSON array of the arguments of changeThreshold(uint256 newThreshold)",
      );
    });
  });

  describe("option parsing", () => {
    it("reads amounts in the asset's decimals, times as ISO dates or seconds, and durations in days", () => {
      expect(parseAmount("gross", "1000.25", 6, "tUSD")).to.equal(parseUnits("1000.25", 6));
      expect(parseAmount("shares", ".5", 18, "a share")).to.equal(parseEther("0.5"));
      expect(parseTime("start", "2026-01-01")).to.equal(1_767_225_600n);
      expect(parseTime("start", "2026-01-01T12:00:00Z")).to.equal(1_767_268_800n);
      expect(parseTime("start", "1767225600")).to.equal(1_767_225_600n);
      expect(parseDays("period-days", "0.5")).to.equal(43_200n);
      expect(parseAsset("asset", "eth")).to.equal(ZeroAddress);
    });

    it("names the option and the problem for every bad value", () => {
      expect(() => parseAmount("gross", "1.2345678", 6, "tUSD")).to.throw(
        "--gross: 1.2345678 has more than 6 decimal places (tUSD has 6)",
      );
      expect(() => parseAmount("gross", "1,5", 6, "tUSD")).to.throw('--gross: "1,5" is not a decimal number');
      expect(() => parseWhole("id", undefined)).to.throw("--id is required");
      expect(() => parseWhole("id", "-4")).to.throw("--id: must not be negative (got -4)");
      expect(() => parseDays("grace-days", "a week")).to.throw(
        '--grace-days: "a week" is not a number of days',
      );
      expect(() => parseAsset("asset", "0x70997970c51812dc3A010C7d01b50e0d17dc79C8")).to.throw(
        '--asset: "0x70997970c51812dc3A010C7d01b50e0d17dc79C8" is not a valid address',
      );
    });
  });
});
