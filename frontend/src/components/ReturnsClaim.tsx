import { claimAll, claimReturns } from "@fef/sdk/actions/shares";
import { formatAmount, formatShares } from "@fef/sdk/format";

import { DataTable } from "./DataTable";
import { useAction } from "../hooks/useAction";
import { useFund } from "../hooks/useFund";

/** The connected holder's shares and claimable returns per asset, with claim and claim-all. */
export function ReturnsClaim() {
  const { snapshot, system, assets } = useFund();
  const { send, busy } = useAction();
  if (!snapshot || !system) return null;
  const v = snapshot.viewer;
  const any = v.claimable.some((c) => c > 0n);
  const supply = snapshot.fund.totalSupply;
  return (
    <section className="card" aria-labelledby="my-returns-title">
      <h2 id="my-returns-title">My shares and returns</h2>
      <p data-testid="my-shares">
        You hold {formatShares(v.shares)}
        {supply > 0n && v.shares > 0n
          ? ` (${(Number((v.shares * 1_000_000n) / supply) / 10_000).toFixed(2)}% of all shares)`
          : ""}
        .
      </p>
      <DataTable
        caption="Claimable returns"
        columns={["Asset", "Claimable", "In your wallet", <span className="visually-hidden">Action</span>]}
      >
        <tbody>
          {assets.map((a, i) => {
            const amount = v.claimable[i] ?? 0n;
            const label = `Claim ${a.symbol} returns`;
            return (
              <tr key={a.asset}>
                <th scope="row">{a.symbol}</th>
                <td data-testid={`claimable-${a.symbol}`}>{formatAmount(amount, a)}</td>
                <td>{formatAmount(v.walletBalances[i] ?? 0n, a)}</td>
                <td>
                  <button
                    type="button"
                    disabled={amount === 0n || busy.has(label)}
                    data-testid={`claim-returns-${a.symbol}`}
                    onClick={() => void send(label, ({ fund }) => claimReturns(fund, a.asset), { asset: a })}
                  >
                    Claim {a.symbol}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
      <button
        type="button"
        disabled={!any || busy.has("Claim all returns")}
        data-testid="claim-all"
        onClick={() => void send("Claim all returns", ({ fund }) => claimAll(fund))}
      >
        Claim all
      </button>
    </section>
  );
}
