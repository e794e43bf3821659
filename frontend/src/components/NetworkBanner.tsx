import { useConnection, useSwitchChain } from "wagmi";

import { chainName, supportedChains } from "../lib/chains";
import { deployments } from "../lib/deployments";

/** Warns when the wallet is on a chain where the Fund is not deployed, with a button to switch. */
export function NetworkBanner() {
  const { isConnected, chainId } = useConnection();
  const switchChain = useSwitchChain();
  const target = supportedChains.find((c) => deployments[c.id]?.addresses.FundLens);
  if (!isConnected || chainId === undefined) return null;
  const supported = supportedChains.some((c) => c.id === chainId);
  if (supported && deployments[chainId]?.addresses.FundLens) return null;
  return (
    <div className="notice warn" role="alert" data-testid="wrong-network">
      <p>
        Wrong network: your wallet is on {chainName(chainId)}, where the Fund is not deployed.
        {target ? ` It is deployed on ${target.name}.` : " No deployment is known to this dashboard."}
      </p>
      {target ? (
        <button
          type="button"
          onClick={() => switchChain.mutate({ chainId: target.id })}
          disabled={switchChain.isPending}
        >
          Switch to {target.name}
        </button>
      ) : null}
      {switchChain.error ? <p className="field-error">{switchChain.error.message.split("\n")[0]}</p> : null}
    </div>
  );
}
