import { useQuery } from "@tanstack/react-query";

import { errorFormat } from "@fef/sdk/errors";
import { executionFailure } from "@fef/sdk/execution";

import { useFund } from "../../hooks/useFund";

/**
 * Why a proposal's last execution failed, in plain words: read from its ProposalExecutionFailed event
 * and decoded by the SDK (the raw revert data when no known error matches).
 */
export function FailureReason({ proposalId, failedAt }: { proposalId: bigint; failedAt: bigint }) {
  const { client, system, deployment, assets, chainId } = useFund();
  const council = system?.council;
  const reason = useQuery({
    queryKey: ["execution-failure", chainId, council, proposalId.toString(), failedAt.toString()],
    enabled: Boolean(client && council),
    staleTime: Infinity,
    queryFn: async () => {
      if (!client || !council) throw new Error("The council is not deployed on this chain");
      const failure = await executionFailure(
        client,
        council,
        proposalId,
        deployment?.fromBlock ?? 0n,
        errorFormat(assets),
      );
      return failure?.message ?? null;
    },
  });
  if (reason.isPending) return <span className="muted">(reading the reason …)</span>;
  if (reason.isError || reason.data === null)
    return <span>(the reason is in the transaction&apos;s ProposalExecutionFailed event)</span>;
  return (
    <span data-testid={`proposal-${proposalId}-reason`}>
      Reason: {reason.data.endsWith(".") ? reason.data : `${reason.data}.`}
    </span>
  );
}
