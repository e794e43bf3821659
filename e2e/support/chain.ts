// Direct JSON-RPC access to the local chain of `npm start`: what the tests read to check real
// outcomes (contract state, nonces) and the only way they move time.
import { readFileSync } from "node:fs";
import {
  type Address,
  type Hex,
  createPublicClient,
  encodeFunctionData,
  getAddress,
  http,
  parseAbi,
} from "viem";
import { hardhat } from "viem/chains";

import { type ActionKind, actionKindIndex } from "@fef/sdk/actionKinds";

import { RPC_URL } from "./env.js";

/** Minimal ABIs of what the tests read or call directly (the dashboard has its own bindings). */
export const abis = {
  shares: parseAbi([
    "function transfersEnabled() view returns (bool)",
    "function balanceOf(address) view returns (uint256)",
    "function totalSupply() view returns (uint256)",
    "function claimable(address holder, address asset) view returns (uint256)",
  ]),
  council: parseAbi([
    "struct Proposal { uint8 kind; address proposer; uint64 createdAt; uint64 expiresAt; bool executed; bytes args; }",
    "function proposalCount() view returns (uint256)",
    "function proposal(uint256 proposalId) view returns (Proposal)",
    "function trustees() view returns (address[])",
    "function threshold() view returns (uint256)",
    "function propose(uint8 kind, bytes args) returns (uint256 proposalId)",
    "function approve(uint256 proposalId)",
    "function execute(uint256 proposalId) returns (bytes result)",
    "function approvalCount(uint256 proposalId) view returns (uint256)",
    "function hasApproved(uint256 proposalId, address trustee) view returns (bool)",
  ]),
  rounds: parseAbi([
    "struct RoundParams { uint128 sharePool; uint64 applicationDeadline; uint64 commitDeadline; uint64 revealDeadline; uint64 vestingCliff; uint64 vestingDuration; address stipendAsset; uint128 stipendBudget; }",
    "struct Round { RoundParams params; uint8 status; uint64 settledAt; uint32 applicationCount; uint32 finalizedCount; uint32 fundedCount; uint256 totalWeight; uint256 fundedStipendTotal; uint256 stipendReserved; }",
    "struct Application { uint256 roundId; address researcher; uint32 effortMonths; uint16 medianEstimateBps; uint8 revealCount; uint8 status; uint128 stipendRequested; uint64 cancelledAt; bytes32 contentHash; uint256 weight; uint256 sharesClaimed; uint256 stipendClaimed; string uri; }",
    "function roundCount() view returns (uint256)",
    "function round(uint256 roundId) view returns (Round)",
    "function applicationCount() view returns (uint256)",
    "function application(uint256 applicationId) view returns (Application)",
    "function sealedEstimateOf(uint256 applicationId, address trustee) view returns (bytes32 sealedEstimate, bool revealed)",
    "function estimateOf(uint256 applicationId, address trustee) view returns (bool revealed, uint16 estimateBps)",
    "function claimableShares(uint256 applicationId) view returns (uint256)",
  ]),
  offerings: parseAbi([
    "struct OfferingParams { address asset; uint128 pricePerShare; uint128 shareCap; uint128 minShares; uint64 start; uint64 end; bytes32 allowlistRoot; }",
    "struct Offering { OfferingParams params; uint128 sharesSold; uint128 capitalRaised; bool closed; bool settled; }",
    "function openOffering(OfferingParams params) returns (uint256 offeringId)",
    "function subscribe(uint256 offeringId, uint256 shares, bytes32[] proof) payable returns (uint256 cost)",
    "function offeringCount() view returns (uint256)",
    "function offering(uint256 offeringId) view returns (Offering)",
    "function quote(uint256 offeringId, uint256 shares) view returns (uint256 cost)",
    "function pendingShares(uint256 offeringId, address investor) view returns (uint256)",
  ]),
  capitalPool: parseAbi([
    "struct CapitalBooks { uint256 capitalIn; uint256 stipendsPaid; uint256 reserved; }",
    "function books(address asset) view returns (CapitalBooks)",
  ]),
  registry: parseAbi([
    "struct Commitment { uint256 companyId; address signer; uint16 returnsShareBps; uint64 start; uint64 end; uint64 periodLength; uint64 gracePeriod; uint32 periodCount; uint32 reportedCount; uint32 disputedCount; bytes32 modelHash; string modelName; uint256[] techniqueIds; }",
    "struct Compliance { uint256 periodsElapsed; uint256 periodsReported; uint256 periodsDue; uint256 periodsOverdue; bool delinquent; uint256 disputed; }",
    "function commitmentCount() view returns (uint256)",
    "function commitment(uint256 commitmentId) view returns (Commitment)",
    "function compliance(uint256 commitmentId) view returns (Compliance)",
    "function dueAmount(uint256 commitmentId, uint256 grossReturns) view returns (uint256)",
    "function totalPaid(address asset) view returns (uint256)",
    "function nonceUsed(uint256 companyId, uint256 nonce) view returns (bool)",
  ]),
  erc20: parseAbi([
    "function balanceOf(address) view returns (uint256)",
    "function mint(address to, uint256 amount)",
  ]),
} as const;

export const client = createPublicClient({
  chain: { ...hardhat, rpcUrls: { default: { http: [RPC_URL] } } },
  transport: http(RPC_URL),
});

type RpcResponse<T> = { result?: T; error?: { code: number; message: string } };

/** One raw JSON-RPC request to the node. */
export async function rpc<T>(method: string, params: unknown[] = []): Promise<T> {
  const response = await fetch(RPC_URL, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as RpcResponse<T>;
  if (body.error) throw new Error(`${method} failed: ${body.error.message}`);
  return body.result as T;
}

/** The node's 20 unlocked dev accounts, checksummed, by index (the seed's roles are by index). */
export async function devAccount(index: number): Promise<Address> {
  const accounts = await rpc<string[]>("eth_accounts");
  const account = accounts[index];
  if (!account) throw new Error(`The node has no dev account #${index}`);
  return getAddress(account);
}

export async function nonceOf(account: Address): Promise<number> {
  return Number(BigInt(await rpc<Hex>("eth_getTransactionCount", [account, "pending"])));
}

export async function latestTimestamp(): Promise<bigint> {
  return (await client.getBlock({ blockTag: "latest" })).timestamp;
}

/** Moves chain time forward by `seconds` and mines a block at the new time. */
export async function increaseTime(seconds: bigint): Promise<void> {
  await rpc("evm_increaseTime", [Number(seconds)]);
  await rpc("evm_mine");
}

/** Addresses of `npm start`'s deployment (Ignition's record, keys `LocalFund#<Contract>`). */
export function fundAddresses(): Record<string, Address> {
  const file = new URL("../../ignition/deployments/chain-31337/deployed_addresses.json", import.meta.url);
  const recorded = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  return Object.fromEntries(
    Object.entries(recorded).map(([key, address]) => [key.slice(key.indexOf("#") + 1), getAddress(address)]),
  );
}

export function fundAddress(name: string): Address {
  const address = fundAddresses()[name];
  if (!address) throw new Error(`The deployment has no ${name}`);
  return address;
}

/** Sends a transaction from an unlocked dev account (test set-up only) and waits for its receipt. */
export async function sendAs(from: Address, to: Address, data: Hex, value = 0n): Promise<void> {
  const hash = await rpc<Hex>("eth_sendTransaction", [{ from, to, data, value: `0x${value.toString(16)}` }]);
  const receipt = await client.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`set-up transaction ${hash} reverted`);
}

/**
 * Passes a council proposal (test set-up only): the first trustee proposes, the next ones approve
 * until the threshold is met, the first executes. `args` is the routed call's calldata without its
 * selector. Returns the proposal's id.
 */
export async function passProposal(kind: ActionKind, args: Hex): Promise<bigint> {
  const council = fundAddress("TrusteeCouncil");
  const [trustees, threshold] = await Promise.all([
    client.readContract({ address: council, abi: abis.council, functionName: "trustees" }),
    client.readContract({ address: council, abi: abis.council, functionName: "threshold" }),
  ]);
  const [proposer] = trustees;
  if (proposer === undefined || BigInt(trustees.length) < threshold)
    throw new Error("the council cannot pass");
  const id =
    (await client.readContract({ address: council, abi: abis.council, functionName: "proposalCount" })) + 1n;
  const call = (data: Hex) => sendAs(proposer, council, data);
  await call(
    encodeFunctionData({
      abi: abis.council,
      functionName: "propose",
      args: [actionKindIndex(kind), args],
    }),
  );
  for (const trustee of trustees.slice(1, Number(threshold))) {
    const data = encodeFunctionData({ abi: abis.council, functionName: "approve", args: [id] });
    await sendAs(trustee, council, data);
  }
  await call(encodeFunctionData({ abi: abis.council, functionName: "execute", args: [id] }));
  return id;
}

/** Mints test dollars (the demo's open-mint TestToken) to `to`, sent by `from`. */
export async function mintTestUsd(from: Address, to: Address, amount: bigint): Promise<void> {
  const data = encodeFunctionData({ abi: abis.erc20, functionName: "mint", args: [to, amount] });
  await sendAs(from, fundAddress("TestToken"), data);
}
