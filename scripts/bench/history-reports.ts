// The history bench's company payments: signed Promises of Future Returns and their reports, as real
// companies make them. `COMPANIES` companies (one admin account) each sign a Promise whose hourly
// periods all ended already; the reports (one per period, in order, each paying its due in ETH) are
// returned as transactions for the bench to send in batches, so 5,000 payments take seconds to submit.
import {
  createPublicClient,
  createWalletClient,
  encodeFunctionData,
  http,
  keccak256,
  parseEther,
  toBytes,
  zeroAddress,
  type Address,
} from "viem";

import { registerCompany, returnsDue, submitCommitment } from "@fef/sdk/actions/returns";
import type { FundAddresses } from "@fef/sdk/deployments";
import { returnsRegistryAbi } from "@fef/sdk/generated/abis";
import { promiseTypedData, type PromiseTerms } from "@fef/sdk/promise";
import { sendSteps } from "@fef/sdk/steps";

/** Companies the payments are spread over (each one commitment). */
export const COMPANIES = 10;
const HOUR = 3_600n;
const BPS = 500;
const GROSS = parseEther("0.02");

/**
 * Registers the companies and submits their signed Promises (automine on), then returns one report
 * transaction per payment, `payments` in all: each commitment's periods in order, from `admin`.
 */
export async function signedReportTransactions(
  rpcUrl: string,
  fund: FundAddresses,
  admin: Address,
  payments: number,
): Promise<Record<string, string>[]> {
  const client = createPublicClient({ transport: http(rpcUrl) });
  const wallet = createWalletClient({ account: admin, transport: http(rpcUrl) });
  const chainId = await client.getChainId();
  const now = (await client.getBlock()).timestamp;
  const perCompany = Math.ceil(payments / COMPANIES);
  const commitments: bigint[] = [];
  for (let c = 0; c < COMPANIES; c++) {
    const companyId =
      (await client.readContract({
        address: fund.ReturnsRegistry,
        abi: returnsRegistryAbi,
        functionName: "companyCount",
      })) + 1n;
    await sendSteps(
      wallet,
      client,
      registerCompany(fund, { name: `Bench Lab ${c + 1}`, uri: `https://bench-${c + 1}.example`, admin }),
    );
    // Every period ended an hour or more ago: all can be reported at once. A one-day grace makes the
    // older periods late and the last day's on time.
    const periods = BigInt(perCompany);
    const start = now - (periods + 1n) * HOUR;
    const terms: PromiseTerms = {
      companyId,
      techniqueIds: [1n],
      modelName: `Bench model ${c + 1}`,
      modelHash: keccak256(toBytes(`bench-model-${c + 1}`)),
      returnsShareBps: BPS,
      start,
      end: start + periods * HOUR,
      periodLength: HOUR,
      gracePeriod: 24n * HOUR,
      nonce: 1n,
      deadline: now + 30n * 24n * HOUR,
    };
    const signature = await wallet.signTypedData(promiseTypedData(chainId, fund.ReturnsRegistry, terms));
    await sendSteps(wallet, client, submitCommitment(fund, { terms, signer: admin, signature }));
    commitments.push(
      await client.readContract({
        address: fund.ReturnsRegistry,
        abi: returnsRegistryAbi,
        functionName: "commitmentCount",
      }),
    );
  }
  const due = returnsDue(GROSS, BPS);
  const txs: Record<string, string>[] = [];
  for (let i = 0; i < payments; i++) {
    const commitmentId = commitments[i % COMPANIES];
    if (commitmentId === undefined) throw new Error("no commitment");
    const period = BigInt(Math.floor(i / COMPANIES));
    txs.push({
      from: admin,
      to: fund.ReturnsRegistry,
      gas: "0x40000",
      value: `0x${due.toString(16)}`,
      data: encodeFunctionData({
        abi: returnsRegistryAbi,
        functionName: "reportReturns",
        args: [
          commitmentId,
          period,
          zeroAddress,
          GROSS,
          keccak256(toBytes(`evidence-${commitmentId}-${period}`)),
        ],
      }),
    });
  }
  return txs;
}
