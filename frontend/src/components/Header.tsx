import { useConnection } from "wagmi";

import { useFund } from "../hooks/useFund";
import { useRoleIndex } from "../hooks/useRoles";
import { chainName } from "../lib/chains";
import { AccountPicker } from "./AccountPicker";
import { AddressLabel } from "./AddressLabel";

export function Header() {
  const { address, isConnected, chainId: walletChainId } = useConnection();
  const { snapshot, chainId } = useFund();
  const roles = useRoleIndex();
  const detected = address ? roles.rolesOf(address, snapshot?.viewer.shares) : [];

  return (
    <header className="site-header">
      <div className="brand">
        <p className="brand-name">Future Endowment Fund</p>
        <p className="brand-chain" data-testid="chain-name">
          {chainName(isConnected ? walletChainId : chainId)}
          {snapshot?.fund.paused ? <span className="badge warn"> Paused</span> : null}
        </p>
      </div>
      <div className="account" aria-label="Account">
        {address ? (
          <p>
            <span className="visually-hidden">Connected account </span>
            <code title={address} data-testid="account-address">
              <AddressLabel address={address} plain />
            </code>{" "}
            <span data-testid="account-roles">
              {detected.length > 0 ? (
                detected.map((r) => (
                  <span className="badge" key={r}>
                    {r}
                  </span>
                ))
              ) : (
                <span className="muted">no role yet</span>
              )}
            </span>
          </p>
        ) : (
          <p className="muted">Not connected — the overview is public; connect to act.</p>
        )}
        <AccountPicker />
      </div>
    </header>
  );
}
