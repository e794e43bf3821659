// What the dashboard and the command line compute for people: proposal reviews with warnings, the
// allowlist proof looked up and checked, document digests, deadlines in words, the dev panel's phases,
// and plain-words limits on amounts.
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { expect } from "chai";
import { keccak256, parseEther, sha256, toHex, zeroAddress, type Address, type Hex } from "viem";

import { ActionKindValue as K, encodeActionArgs } from "@fef/sdk/actionKinds";
import { allowlistProof, parseAllowlist } from "@fef/sdk/allowlist";
import { ETH } from "@fef/sdk/assets";
import { estimateDeadline, timeLeft } from "@fef/sdk/deadlines";
import { mintTestToken, secondsUntilPast, upcomingPhases } from "@fef/sdk/devChain";
import { hashBytes, hashText } from "@fef/sdk/documentHash";
import { reviewLines, reviewProposal, type ReviewContext } from "@fef/sdk/proposalReview";
import { checkAmount, checkStipendRequest } from "@fef/sdk/validate";

const T = [
  "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
  "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
  "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
] as Address[];
const ctx: ReviewContext = {
  assets: [ETH],
  names: {},
  trustees: T,
  threshold: 2n,
  totalSupply: 1_000_000n * 10n ** 18n,
  now: 1_000n,
};

describe("sdk: proposal review", function () {
  it("warns about a threshold of 1 and one above the trustees, and says the effect", function () {
    const one = reviewProposal(K.ChangeThreshold, encodeActionArgs("ChangeThreshold", [1n]), ctx);
    expect(one.summary).to.equal("Change the threshold to 1 approval");
    expect(one.warnings).to.deep.equal([
      "A threshold of 1 lets any single trustee pass any proposal alone, with nobody to check it.",
    ]);
    expect(one.effects).to.deep.equal(["Every later proposal needs 1 of 3 trustees' approvals (now 2)."]);
    expect(one.fields.map((f) => f.value)).to.deep.equal(["1"]);
    const four = reviewProposal(K.ChangeThreshold, encodeActionArgs("ChangeThreshold", [4n]), ctx);
    expect(four.warnings.join(" ")).to.contain("above the 3 trustees: no proposal could ever pass");
    const two = reviewProposal(K.ChangeThreshold, encodeActionArgs("ChangeThreshold", [2n]), ctx);
    expect(two.warnings).to.deep.equal([]);
  });

  it("warns when removing a trustee leaves the council below or at its threshold, or names no trustee", function () {
    const atThreshold = reviewProposal(
      K.RemoveTrustee,
      encodeActionArgs("RemoveTrustee", [T[0] as Address]),
      ctx,
    );
    expect(atThreshold.warnings).to.deep.equal([
      "Afterwards every one of the 2 remaining trustees must approve every proposal.",
    ]);
    const below = reviewProposal(K.RemoveTrustee, encodeActionArgs("RemoveTrustee", [T[0] as Address]), {
      ...ctx,
      threshold: 3n,
    });
    expect(below.warnings.join(" ")).to.contain(
      "below the threshold of 3: the council could never pass a proposal again",
    );
    const stranger = reviewProposal(K.RemoveTrustee, encodeActionArgs("RemoveTrustee", [zeroAddress]), ctx);
    expect(stranger.warnings.join(" ")).to.contain("is not a trustee: executing it would fail");
  });

  it("warns about a large amount and a large dilution; arguments that do not decode are said, never thrown", function () {
    const strays = reviewProposal(
      K.RecoverPoolStrays,
      encodeActionArgs("RecoverPoolStrays", [zeroAddress, T[1] as Address, parseEther("250000")]),
      ctx,
    );
    expect(strays.kind).to.equal("RecoverPoolStrays");
    expect(strays.warnings.join(" ")).to.contain("A large amount: 250,000 ETH");
    const small = reviewProposal(
      K.RecoverPoolStrays,
      encodeActionArgs("RecoverPoolStrays", [zeroAddress, T[1] as Address, parseEther("1")]),
      ctx,
    );
    expect(small.warnings).to.deep.equal([]);
    const pool = reviewProposal(
      K.OpenRound,
      encodeActionArgs("OpenRound", [
        {
          sharePool: 500_000n * 10n ** 18n,
          applicationDeadline: 2_000n,
          commitDeadline: 3_000n,
          revealDeadline: 4_000n,
          vestingCliff: 0n,
          vestingDuration: 100n,
          stipendAsset: zeroAddress,
          stipendBudget: 0n,
          applicationDeposit: 0n,
        },
      ]),
      ctx,
    );
    expect(pool.warnings).to.deep.equal([
      "The pool would be 33.33% of all shares: a large dilution of today's holders.",
    ]);
    const garbage = reviewProposal(K.ChangeThreshold, "0x1234" as Hex, ctx);
    expect(garbage.warnings).to.deep.equal([
      "Its arguments cannot be decoded for this action: executing it would fail.",
    ]);
    const unknown = reviewProposal(99, "0x" as Hex, ctx);
    expect(unknown.warnings[0]).to.contain("does not know action 99");
    expect(reviewLines(one())).to.include(
      "Warning: A threshold of 1 lets any single trustee pass any proposal alone, with nobody to check it.",
    );
    function one() {
      return reviewProposal(K.ChangeThreshold, encodeActionArgs("ChangeThreshold", [1n]), ctx);
    }
  });
});

describe("sdk: allowlist proof lookup", function () {
  const tree = StandardMerkleTree.of(
    T.map((a) => [a]),
    ["address"],
  );
  const proofs: Record<string, string[]> = {};
  for (const [i, [a]] of tree.entries()) proofs[a as string] = tree.getProof(i);
  const parsed = parseAllowlist({ chainId: 31337, offeringId: 2, root: tree.root, proofs });
  const want = { chainId: 31337, offeringId: 2n, root: tree.root as Hex };

  it("finds each listed investor's proof and checks it against the root", function () {
    if (!parsed.ok) throw new Error(parsed.error);
    for (const account of T) {
      const found = allowlistProof(parsed.value, { ...want, account });
      expect(found).to.deep.equal({ ok: true, value: proofs[account] });
    }
  });

  it("refuses an unlisted account, another offering, a stale root and a forged proof in plain words", function () {
    if (!parsed.ok) throw new Error(parsed.error);
    expect(allowlistProof(parsed.value, { ...want, account: zeroAddress })).to.deep.equal({
      ok: false,
      error: "Your account is not on this offering's allowlist.",
    });
    expect(allowlistProof(parsed.value, { ...want, offeringId: 3n, account: T[0] as Address }).ok).to.equal(
      false,
    );
    expect(
      allowlistProof(parsed.value, { ...want, root: keccak256("0x01"), account: T[0] as Address }),
    ).to.deep.equal({
      ok: false,
      error: "The published allowlist does not match this offering's root (it is out of date).",
    });
    // An attacker swaps proofs between entries: the proof no longer leads to the root.
    const forged = parseAllowlist({
      chainId: 31337,
      offeringId: 2,
      root: tree.root,
      proofs: { [T[0] as string]: proofs[T[1] as string] },
    });
    if (!forged.ok) throw new Error(forged.error);
    expect(allowlistProof(forged.value, { ...want, account: T[0] as Address }).ok).to.equal(false);
    expect(parseAllowlist({ chainId: 1 }).ok).to.equal(false);
    expect(
      parseAllowlist({ chainId: 1, offeringId: 1, root: tree.root, proofs: { nope: ["0x12"] } }).ok,
    ).to.equal(false);
  });
});

describe("sdk: document digests, deadlines, dev phases, amounts", function () {
  it("hashes a text and a file's bytes the same way, with keccak256 or sha256", function () {
    expect(hashText("model card")).to.equal(keccak256(toHex("model card")));
    expect(hashText("model card", "sha256")).to.equal(sha256(toHex("model card")));
    expect(hashBytes(new TextEncoder().encode("model card"))).to.equal(hashText("model card"));
  });

  it("says deadlines in words relative to chain time", function () {
    expect(timeLeft(1_000n + 6n * 86_400n + 23n * 3_600n + 59n, 1_000n)).to.equal("in 6 days 23 hours");
    expect(timeLeft(1_000n + 45n * 60n, 1_000n)).to.equal("in 45 minutes");
    expect(timeLeft(1_000n, 1_000n + 2n * 86_400n)).to.equal("passed 2 days ago");
    const p = { applicationDeadline: 100n, commitDeadline: 200n, revealDeadline: 300n };
    expect(estimateDeadline("committing", p, 150n)).to.match(
      /^Commit your estimates by .+ \(in 50 seconds\)\.$/,
    );
    expect(estimateDeadline("settled", p, 400n)).to.equal(null);
  });

  it("lists the next phases of open rounds and offerings, soonest first, and refuses the faucet off the local chain", function () {
    const round = (id: bigint, status: number, a: bigint) => ({
      id,
      round: { status, params: { applicationDeadline: a, commitDeadline: a + 10n, revealDeadline: a + 20n } },
    });
    const offering = { id: 1n, offering: { closed: false, params: { start: 50n, end: 125n } } };
    const phases = upcomingPhases([round(1n, 1, 100n), round(2n, 2, 60n)], [offering], 55n);
    expect(phases.map((m) => m.at)).to.deep.equal([100n, 110n, 120n, 125n]);
    expect(phases[0]?.what).to.equal("round #1: applications close, trustees commit estimates");
    expect(secondsUntilPast(phases[0] ?? { at: 0n, what: "" }, 55n)).to.equal(46n);
    expect(() => mintTestToken(1, zeroAddress, zeroAddress, 1n)).to.throw("only on the local chain");
    expect(mintTestToken(31337, zeroAddress, T[0] as Address, 5n)[0]?.functionName).to.equal("mint");
  });

  it("names the round's budget for a stipend above it, and refuses amounts beyond uint256 in words", function () {
    expect(checkStipendRequest("31", ETH, parseEther("30"))).to.deep.equal({
      ok: false,
      error: "The stipend requested is above the round's stipend budget of 30 ETH.",
    });
    expect(checkStipendRequest("30", ETH, parseEther("30"))).to.deep.equal({
      ok: true,
      value: parseEther("30"),
    });
    expect(checkAmount("9".repeat(80), 18)).to.deep.equal({
      ok: false,
      error: "Amount is far too large: no amount on chain can be that big.",
    });
  });
});
