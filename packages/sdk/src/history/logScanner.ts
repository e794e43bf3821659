// History without an indexer: eth_getLogs in pages that adapt to the provider. Pages start at 2,000
// blocks (below every common cap); a page the provider refuses for its range or result count is split
// in two until it passes. New blocks are read as the head moves, older ones on request; nothing loaded
// is ever dropped, and the history is "complete" only when every block from the deployment to the
// newest scanned one has been read without an error.

/** A log as the scanner needs it: its place on the chain. */
export type ScannedLog = { readonly blockNumber: bigint; readonly logIndex: number };

/** Reads the logs of blocks `fromBlock`..`toBlock` (inclusive). */
export type ReadLogs<L extends ScannedLog> = (fromBlock: bigint, toBlock: bigint) => Promise<readonly L[]>;

export type LogScanState<L extends ScannedLog> = {
  /** Every log loaded so far, oldest first. */
  readonly logs: readonly L[];
  /** The oldest and newest block read (undefined before the first page). */
  readonly scannedFrom: bigint | undefined;
  readonly scannedTo: bigint | undefined;
  /** Every block from the deployment to `scannedTo` is read and the last read raised no error. */
  readonly complete: boolean;
  /** The error that stopped the last read (its range stays unread and is retried next time). */
  readonly error: unknown;
  /** The page size, in blocks, that the provider currently accepts. */
  readonly pageBlocks: bigint;
  /** eth_getLogs calls made, and how many the provider refused for their size (then split). */
  readonly calls: number;
  readonly splits: number;
};

export const FIRST_PAGE_BLOCKS = 2_000n;

/** Whether `error` is a provider refusing a range or a result count (so a smaller range may pass). */
export function isRangeError(error: unknown): boolean {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const e = current as {
      message?: unknown;
      details?: unknown;
      shortMessage?: unknown;
      code?: unknown;
      cause?: unknown;
    };
    for (const text of [e.message, e.details, e.shortMessage]) if (typeof text === "string") parts.push(text);
    if (e.code === -32005) return true;
    current = e.cause;
  }
  return /block range|range (is )?too (large|wide|big)|too many (results|logs|blocks)|more than \d[\d,]* (results|logs|blocks)|response size|is limited to|exceeds? (the )?(max|limit)/i.test(
    parts.join(" "),
  );
}

export type LogScanner<L extends ScannedLog> = {
  readonly state: () => LogScanState<L>;
  /** Reads the blocks after the newest scanned one up to `head` (on the first call: the newest page). */
  readonly catchUp: (head: bigint) => Promise<LogScanState<L>>;
  /** Reads up to `pages` pages before the oldest scanned block. */
  readonly loadEarlier: (pages?: number) => Promise<LogScanState<L>>;
};

function order(a: ScannedLog, b: ScannedLog): number {
  if (a.blockNumber !== b.blockNumber) return a.blockNumber < b.blockNumber ? -1 : 1;
  return a.logIndex - b.logIndex;
}

/** Calls made, refusals split, and the page size the provider accepts (it shrinks with each split). */
type Reads = { calls: number; splits: number; page: bigint };

/** One range, split in halves while the provider refuses a part for its size; `reads.page` follows what passed. */
async function readRange<L extends ScannedLog>(
  read: ReadLogs<L>,
  from: bigint,
  to: bigint,
  reads: Reads,
): Promise<L[]> {
  reads.calls += 1;
  try {
    return [...(await read(from, to))];
  } catch (caught) {
    if (from >= to || !isRangeError(caught)) throw caught;
    reads.splits += 1;
    const middle = from + (to - from) / 2n;
    reads.page = middle - from + 1n;
    const lower = await readRange(read, from, middle, reads);
    const upper = await readRange(read, middle + 1n, to, reads);
    return [...lower, ...upper];
  }
}

export function createLogScanner<L extends ScannedLog>({
  read,
  firstBlock,
  pageBlocks = FIRST_PAGE_BLOCKS,
}: {
  read: ReadLogs<L>;
  firstBlock: bigint;
  pageBlocks?: bigint;
}): LogScanner<L> {
  let logs: L[] = [];
  let scannedFrom: bigint | undefined;
  let scannedTo: bigint | undefined;
  let error: unknown;
  const reads: Reads = { calls: 0, splits: 0, page: pageBlocks > 0n ? pageBlocks : 1n };
  let queue: Promise<unknown> = Promise.resolve();

  const state = (): LogScanState<L> => ({
    logs,
    scannedFrom,
    scannedTo,
    complete: error === undefined && scannedFrom !== undefined && scannedFrom <= firstBlock,
    error,
    pageBlocks: reads.page,
    calls: reads.calls,
    splits: reads.splits,
  });

  /** Runs reads one at a time, so the state never sees two overlapping ranges. */
  function serial(work: () => Promise<void>): Promise<LogScanState<L>> {
    const run = queue.then(async () => {
      error = undefined;
      try {
        await work();
      } catch (caught) {
        error = caught;
      }
      return state();
    });
    queue = run;
    return run;
  }

  return {
    state,
    catchUp: (head) =>
      serial(async () => {
        if (scannedTo === undefined) {
          // First read: the newest page, ending at the head.
          const from = head + 1n - reads.page > firstBlock ? head + 1n - reads.page : firstBlock;
          const found = await readRange(read, from, head, reads);
          logs = found.sort(order);
          scannedFrom = from;
          scannedTo = head;
          return;
        }
        while (scannedTo < head) {
          const from: bigint = scannedTo + 1n;
          const to = from + reads.page - 1n < head ? from + reads.page - 1n : head;
          const found = await readRange(read, from, to, reads);
          logs = logs.concat(found.sort(order));
          scannedTo = to;
        }
      }),
    loadEarlier: (pages = 1) =>
      serial(async () => {
        for (let i = 0; i < pages && scannedFrom !== undefined && scannedFrom > firstBlock; i++) {
          const to: bigint = scannedFrom - 1n;
          const from = to + 1n - reads.page > firstBlock ? to + 1n - reads.page : firstBlock;
          const found = await readRange(read, from, to, reads);
          logs = found.sort(order).concat(logs);
          scannedFrom = from;
        }
      }),
  };
}

/** The widest page `readAllLogs` grows to, in blocks. */
export const MAX_PAGE_BLOCKS = 64n * FIRST_PAGE_BLOCKS;

/**
 * Every log `read` finds in blocks `fromBlock`..`toBlock`, oldest first. Pages start at
 * `FIRST_PAGE_BLOCKS` and double after each one that passes, up to `MAX_PAGE_BLOCKS`, until the
 * provider first refuses one for its size; that one is split in halves until each part passes, and
 * the pages then keep the size that passed. A page wider than `FIRST_PAGE_BLOCKS` that fails for any
 * other reason (a timeout, a refusal worded unlike the known ones) is read again at half its size, and
 * the pages stop growing. Throws the first error of a page of at most `FIRST_PAGE_BLOCKS` that is not
 * a refusal for size. For one-off reads (a task, a list of a researcher's claims); a view that follows
 * the head keeps a scanner.
 */
export async function readAllLogs<L extends ScannedLog>(
  read: ReadLogs<L>,
  fromBlock: bigint,
  toBlock: bigint,
): Promise<L[]> {
  const reads: Reads = { calls: 0, splits: 0, page: FIRST_PAGE_BLOCKS };
  const pages: L[][] = [];
  let growing = true;
  for (let from = fromBlock; from <= toBlock;) {
    const to = from + reads.page - 1n < toBlock ? from + reads.page - 1n : toBlock;
    let found: L[];
    try {
      found = await readRange(read, from, to, reads);
    } catch (caught) {
      if (to - from + 1n <= FIRST_PAGE_BLOCKS) throw caught;
      reads.page = (to - from + 1n) / 2n;
      growing = false;
      continue;
    }
    pages.push(found.sort(order));
    from = to + 1n;
    if (growing && reads.splits === 0 && reads.page < MAX_PAGE_BLOCKS) reads.page *= 2n;
  }
  return pages.flat();
}
