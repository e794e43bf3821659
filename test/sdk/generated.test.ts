// The generated action table follows the contracts, and every write of every ABI has an action
// builder or is reached only through the council (or only by the Fund's own contracts).
import { expect } from "chai";
import { decodeAbiParameters, getAbiItem, type Abi } from "viem";

import {
  actionKinds,
  actionRoutes,
  actionSignature,
  encodeActionArgs,
  decodeActionArgs,
} from "@fef/sdk/actionKinds";
import * as councilBuilders from "@fef/sdk/actions/council";
import * as grantBuilders from "@fef/sdk/actions/grants";
import * as offeringBuilders from "@fef/sdk/actions/offerings";
import * as returnsBuilders from "@fef/sdk/actions/returns";
import * as shareBuilders from "@fef/sdk/actions/shares";
import * as abis from "@fef/sdk/generated/abis";

/** Contract function → the builder that sends it, or why no client sends it directly. */
const WRITES: Readonly<Record<string, string>> = {
  "TrusteeCouncil.propose": "proposeAction",
  "TrusteeCouncil.approve": "approveProposal",
  "TrusteeCouncil.revokeApproval": "revokeApproval",
  "TrusteeCouncil.execute": "executeProposal",
  "TrusteeCouncil.addTrustee": "council: AddTrustee",
  "TrusteeCouncil.removeTrustee": "council: RemoveTrustee",
  "TrusteeCouncil.changeThreshold": "council: ChangeThreshold",
  "TrusteeCouncil.bindSystem": "deployment only",
  "TrusteeCouncil.executeMigration": "executeMigration",
  "TrusteeCouncil.announceMigration": "council: AnnounceMigration",
  "TrusteeCouncil.cancelMigration": "council: CancelMigration",
  "TrusteeCouncil.resolveOutcome": "council: ResolveOutcome",
  "TrusteeCouncil.setOutcomeHorizon": "council: SetOutcomeHorizon",
  "GrantRounds.submitApplication": "submitApplication",
  "GrantRounds.claimShares": "claimAwardShares",
  "GrantRounds.claimStipend": "claimStipend",
  "GrantRounds.commitEstimates": "commitEstimates",
  "GrantRounds.revealEstimates": "revealEstimates",
  "GrantRounds.finalizeApplications": "finalizeApplications",
  "GrantRounds.refundDeposit": "refundDeposit",
  "GrantRounds.settleRound": "settleRound",
  "GrantRounds.topUpStipends": "topUpStipends",
  "GrantRounds.openRound": "council: OpenRound",
  "GrantRounds.closeRound": "council: CloseRound",
  "GrantRounds.cancelGrant": "council: CancelGrant",
  "Offerings.subscribe": "subscribe",
  "Offerings.claimShares": "claimSubscribedShares",
  "Offerings.settleOffering": "settleOffering",
  "Offerings.openOffering": "council: OpenOffering",
  "Offerings.closeOffering": "council: CloseOffering",
  "Offerings.recoverStrays": "council: RecoverOfferingsStrays",
  "ReturnsRegistry.registerCompany": "registerCompany",
  "ReturnsRegistry.setCompanyAdmin": "setCompanyAdmin",
  "ReturnsRegistry.setCompanySigner": "setCompanySigner",
  "ReturnsRegistry.submitCommitment": "submitCommitment",
  "ReturnsRegistry.invalidateNonce": "invalidateNonce",
  "ReturnsRegistry.invalidateNoncesBelow": "invalidateNoncesBelow",
  "ReturnsRegistry.reportReturns": "reportReturns",
  "ReturnsRegistry.donate": "donate",
  "ReturnsRegistry.registerTechnique": "council: RegisterTechnique",
  "ReturnsRegistry.retireTechnique": "council: RetireTechnique",
  "ReturnsRegistry.disputeReport": "council: DisputeReport",
  "ReturnsRegistry.resolveDispute": "council: ResolveDispute",
  "FundShares.claimReturns": "claimReturns",
  "FundShares.claimEth": "claimReturns",
  "FundShares.claimAll": "claimAll",
  "FundShares.transfer": "transferShares",
  "FundShares.syncReturns": "syncReturns",
  "FundShares.moveHeldToCapital": "moveHeldToCapital",
  "FundShares.renewPause": "council: RenewPause",
  "FundShares.setTransfersEnabled": "council: SetTransfersEnabled",
  "FundShares.pause": "council: Pause",
  "FundShares.unpause": "council: Unpause",
  "FundShares.addReturnsAsset": "council: AddReturnsAsset",
  "FundShares.addReturnsAssets": "deployment only (admin role)",
  "FundShares.mint": "system only (minter role: award claims and subscriptions)",
  "FundShares.burn": "system only",
  "FundShares.distribute": "system only (the registry pays returns through it)",
  "FundShares.approve": "not used: shares are never spent by another contract",
  "FundShares.transferFrom": "not used: shares are never spent by another contract",
  "FundShares.grantRole": "deployment only (admin role)",
  "FundShares.revokeRole": "deployment only (admin role)",
  "FundShares.renounceRole": "deployment only (admin role)",
  "CapitalPool.depositCapital": "system only (Offerings settles into it)",
  "CapitalPool.reserveStipends": "system only (GrantRounds)",
  "CapitalPool.releaseStipends": "system only (GrantRounds)",
  "CapitalPool.payStipend": "system only (GrantRounds)",
  "CapitalPool.recoverStrays": "council: RecoverPoolStrays",
  "CapitalPool.grantRole": "deployment only (admin role)",
  "CapitalPool.revokeRole": "deployment only (admin role)",
  "CapitalPool.renounceRole": "deployment only (admin role)",
};

const CONTRACTS: readonly (readonly [string, Abi])[] = [
  ["TrusteeCouncil", abis.trusteeCouncilAbi],
  ["GrantRounds", abis.grantRoundsAbi],
  ["Offerings", abis.offeringsAbi],
  ["ReturnsRegistry", abis.returnsRegistryAbi],
  ["FundShares", abis.fundSharesAbi],
  ["CapitalPool", abis.capitalPoolAbi],
];

const builders: Readonly<Record<string, unknown>> = {
  ...councilBuilders,
  ...grantBuilders,
  ...offeringBuilders,
  ...returnsBuilders,
  ...shareBuilders,
};

describe("SDK: generated bindings", function () {
  it("routes every action kind to the function it is named after", function () {
    // The list is closed: every kind is a typed call (no generic call); both stray recoveries call
    // a function named `recoverStrays`, of Offerings and of the capital pool.
    const named: Readonly<Record<string, string>> = {
      RecoverOfferingsStrays: "recoverStrays",
      RecoverPoolStrays: "recoverStrays",
    };
    for (const kind of actionKinds) {
      const route = actionRoutes[kind];
      expect(["council", "system"], kind).to.include(route.via);
      expect(route.functionName, kind).to.equal(named[kind] ?? kind[0]?.toLowerCase() + kind.slice(1));
      expect(WRITES[`${route.contract}.${route.functionName}`], kind).to.equal(`council: ${kind}`);
    }
    expect(actionSignature("ChangeThreshold")).to.equal("changeThreshold(uint256 newThreshold)");
  });

  it("encodes typed action arguments as the routed function's parameters", function () {
    const params = {
      sharePool: 10n ** 24n,
      applicationDeadline: 1_800_000_000n,
      commitDeadline: 1_800_100_000n,
      revealDeadline: 1_800_200_000n,
      vestingCliff: 0n,
      vestingDuration: 86_400n,
      stipendAsset: "0x0000000000000000000000000000000000000000",
      stipendBudget: 0n,
      applicationDeposit: 10n ** 16n,
    } as const;
    const args = encodeActionArgs("OpenRound", [params]);
    const openRound = getAbiItem({ abi: abis.grantRoundsAbi, name: "openRound" });
    expect(decodeAbiParameters(openRound.inputs, args)).to.deep.equal([params]);
    expect(decodeActionArgs("OpenRound", args)).to.deep.equal([params]);
  });

  it("has an action builder for every write a client sends, and says why the others have none", function () {
    const missing: string[] = [];
    for (const [contract, abi] of CONTRACTS) {
      for (const item of abi) {
        if (item.type !== "function" || item.stateMutability === "view" || item.stateMutability === "pure")
          continue;
        const entry = WRITES[`${contract}.${item.name}`];
        if (entry === undefined) missing.push(`${contract}.${item.name}`);
        else if (!/^(council:|system only|deployment only|not used)/.test(entry))
          expect(typeof builders[entry], `builder ${entry}`).to.equal("function");
      }
    }
    expect(missing, "writes without a builder or a reason").to.deep.equal([]);
  });
});
