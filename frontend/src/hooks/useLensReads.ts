import { useQuery } from "@tanstack/react-query";
import { zeroAddress, type Address, type PublicClient } from "viem";

import {
  readApplicationsByIds,
  readCommitmentsByIds,
  readCompaniesByIds,
  readTrusteeRecords,
  type ApplicationView,
  type CommitmentView,
  type CompanyView,
  type TrusteeRecordView,
} from "@fef/sdk/lens";

import { fundKeys } from "../lib/fundReads";
import { useFund } from "./useFund";

/** At most this many ids per read (the lens caps a page at 100 items). */
export const MAX_IDS = 100;

function useByIds<T>(
  read: "applications" | "companies" | "commitments",
  ids: readonly bigint[],
  viewer: Address | undefined,
  load: (client: PublicClient, lens: Address, ids: readonly bigint[]) => Promise<readonly T[]>,
) {
  const { system, chainId, client } = useFund();
  const lens = system?.lens;
  const wanted = ids.slice(0, MAX_IDS);
  return useQuery({
    queryKey: fundKeys.byIds(chainId, read, wanted, viewer),
    queryFn: () => {
      if (!client || !lens) throw new Error("The Fund is not deployed on this chain");
      return load(client, lens, wanted);
    },
    enabled: Boolean(client && lens && wanted.length > 0),
  });
}

/** The viewer's applications by id (a researcher's, found from history). */
export function useApplicationsByIds(ids: readonly bigint[], viewer: Address | undefined) {
  return useByIds<ApplicationView>("applications", viewer ? ids : [], viewer, (client, lens, wanted) =>
    readApplicationsByIds(client, lens, wanted, viewer ?? zeroAddress),
  );
}

/** Companies by id, with whether the viewer signs for each. */
export function useCompaniesByIds(ids: readonly bigint[], viewer: Address | undefined) {
  return useByIds<CompanyView>("companies", viewer ? ids : [], viewer, (client, lens, wanted) =>
    readCompaniesByIds(client, lens, wanted, viewer ?? zeroAddress),
  );
}

/** Commitments by id, with their compliance. */
export function useCommitmentsByIds(ids: readonly bigint[]) {
  return useByIds<CommitmentView>("commitments", ids, undefined, (client, lens, wanted) =>
    readCommitmentsByIds(client, lens, wanted),
  );
}

/** Every current trustee's public record in a round (committed, revealed, missed, recused). */
export function useTrusteeRecords(roundId: bigint) {
  const { system, chainId, client } = useFund();
  const lens = system?.lens;
  return useQuery({
    queryKey: fundKeys.trusteeRecords(chainId, roundId),
    queryFn: (): Promise<readonly TrusteeRecordView[]> => {
      if (!client || !lens) throw new Error("The Fund is not deployed on this chain");
      return readTrusteeRecords(client, lens, roundId);
    },
    enabled: Boolean(client && lens),
    refetchInterval: 4_000,
  });
}
