// The ABI of every Fund contract that emits events or is a council route, by contract name: the one
// table the indexer's config, the event feed's decoder and the proposal result decoder share.
import {
  capitalPoolAbi,
  fundSharesAbi,
  grantRoundsAbi,
  offeringsAbi,
  returnsRegistryAbi,
  trusteeCouncilAbi,
} from "./generated/abis.ts";

export const fundAbis = {
  FundShares: fundSharesAbi,
  GrantRounds: grantRoundsAbi,
  Offerings: offeringsAbi,
  ReturnsRegistry: returnsRegistryAbi,
  TrusteeCouncil: trusteeCouncilAbi,
  CapitalPool: capitalPoolAbi,
} as const;

export type FundContractName = keyof typeof fundAbis;
