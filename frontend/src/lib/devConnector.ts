import type { Address } from "viem";
import { createConnector, mock } from "wagmi";

const STORAGE_KEY = "fef.devAccount";

/** The dev account chosen in the picker (restored after a reload), if any. */
export function storedDevAccount(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberDevAccount(address: Address | null): void {
  try {
    if (address) localStorage.setItem(STORAGE_KEY, address);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage may be disabled; the picker then simply forgets the choice on reload.
  }
}

/**
 * One local-node dev account as a wagmi connector: wagmi's `mock` connector (which forwards
 * eth_sendTransaction and eth_signTypedData_v4 to the node, where the account is unlocked),
 * given its own id and name, and reconnected after a reload only if it was the one picked.
 */
export function devAccountConnector(address: Address, index: number) {
  const base = mock({ accounts: [address], features: { reconnect: true } });
  return createConnector((config) => {
    const inner = base(config);
    return {
      ...inner,
      id: `dev-${index}`,
      name: `Dev account #${index}`,
      async isAuthorized() {
        return storedDevAccount() === address;
      },
      async disconnect() {
        if (storedDevAccount() === address) rememberDevAccount(null);
        await inner.disconnect();
      },
    };
  });
}
