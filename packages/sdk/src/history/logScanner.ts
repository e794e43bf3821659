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
  let page = pageBlocks > 0n ? pageBlocks : 1n;
  let calls = 0;
  let splits = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const state = (): LogScanState<L> => ({
    logs,
    scannedFrom,
    scannedTo,
    complete: error === undefined && scannedFrom !== undefined && scannedFrom <= firstBlock,
    error,
    pageBlocks: page,
    calls,
    splits,
  });

  /** One range, split while the provider refuses it for its size; the page size follows what passed. */
  async function readRange(from: bigint, to: bigint): Promise<L[]> {
    calls += 1;
    try {
      return [...(await read(from, to))];
    } catch (caught) {
      if (from >= to || !isRangeError(caught)) throw caught;
      splits += 1;
      const middle = from + (to - from) / 2n;
      page = middle - from + 1n;
      const lower = await readRange(from, middle);
      const upper = await readRange(middle + 1n, to);
      return [...lower, ...upper];
    }
  }

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
          const from = head + 1n - page > firstBlock ? head + 1n - page : firstBlock;
          const found = await readRange(from, head);
          logs = found.sort(order);
          scannedFrom = from;
          scannedTo = head;
          return;
        }
        while (scannedTo < head) {
          const from: bigint = scannedTo + 1n;
          const to = from + page - 1n < head ? from + page - 1n : head;
          const found = await readRange(from, to);
          logs = logs.concat(found.sort(order));
          scannedTo = to;
        }
      }),
    loadEarlier: (pages = 1) =>
      serial(async () => {
        for (let i = 0; i < pages && scannedFrom !== undefined && scannedFrom > firstBlock; i++) {
          const to: bigint = scannedFrom - 1n;
          const from = to + 1n - page > firstBlock ? to + 1n - page : firstBlock;
          const found = await readRange(from, to);
          logs = found.sort(order).concat(logs);
          scannedFrom = from;
        }
      }),
  };
}

/**
 * Every log `read` finds in blocks `fromBlock`..`toBlock`, oldest first, read in pages of at most
 * `FIRST_PAGE_BLOCKS` blocks (smaller when the provider refuses a page for its size). Throws the first
 * error that is not such a refusal. For one-off reads (a task, a list of a researcher's claims); a view
 * that follows the head keeps its own scanner.
 */
export async function readAllLogs<L extends ScannedLog>(
  read: ReadLogs<L>,
  fromBlock: bigint,
  toBlock: bigint,
): Promise<L[]> {
  if (toBlock < fromBlock) return [];
  const scanner = createLogScanner<L>({ read, firstBlock: fromBlock });
  let state = await scanner.catchUp(toBlock);
  while (state.error === undefined && !state.complete) state = await scanner.loadEarlier(8);
  if (state.error !== undefined) throw state.error;
  return [...state.logs];
}
