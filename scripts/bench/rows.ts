/** One measured operation: full-transaction gas (receipt.gasUsed) at one population size. */
export interface GasRow {
  /** operation, e.g. "claimReturns(ETH)" */
  op: string;
  /** shareholders in the ledger when measured */
  holders: number;
  /** full transaction gas */
  gas: number;
  /** what else was scaled for this row (e.g. "applications", "investors", "companies") */
  dimension?: string;
  /** its size */
  size?: number;
  /** the target this figure must meet, if any */
  target?: number;
  /**
   * an open issue's target that this figure does not meet yet: printed and shown in the README as
   * open, not gating (the snapshot still gates the figure against any rise)
   */
  goal?: number;
  /** the benchmark module that measured it (set by gas.ts), e.g. "shares" */
  bench?: string;
}
