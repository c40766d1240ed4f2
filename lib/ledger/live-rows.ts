/** How often a live review asks for its rows changed since its last poll, while its tab is in view. */
export const LIVE_ROWS_EVERY_MS = 5_000;
/** How often it asks for its summary (sending back the version it holds): the summary's figures need no faster pace. */
export const LIVE_SUMMARY_EVERY_MS = 15_000;
/** Ages shown in minutes: a summary showing them is read afresh at least this often, changed or not. */
export const LIVE_AGES_EVERY_MS = 60_000;

/** More changes than this in one poll, and the browser is better served by the newest page afresh. */
export const REVIEW_CHANGES_LIMIT = 200;
/**
 * How far back of its `since` a changes poll looks. Rows are stamped by the app before the write commits (and a busy
 * embedded database queues writes), so a row stamped just before one poll can become visible just after it.
 */
export const CHANGES_OVERLAP_MS = 15_000;

/** A row a live review holds: ordered newest first by creation, then id. */
export type LiveRow = { id: number; createdAt: string };

/** The first page of a live review, and the `since` of its first poll. */
export type LivePage<Row extends LiveRow> = { rows: Row[]; nextCursor: string | null; since: string };

/**
 * What changed since a poll's `since`: rows created or changed since (within the filters), the ids of rows that
 * changed out of the filters, and the next `since`. `reset` when too much changed to send: the browser starts again
 * from the newest page.
 */
export type LiveChanges<Row extends LiveRow> = { rows: Row[]; removed: number[]; since: string; reset: boolean };

/**
 * The rows a live review holds, kept by merging each poll's changes in: the newest rows (the first page and
 * everything created since, newest first), the rows beyond them that changed, the ids of rows that changed out of the
 * filters, and the `since` of the next poll.
 */
export type LiveRows<Row extends LiveRow> = {
  rows: Row[];
  changedOlder: Record<number, Row>;
  removed: number[];
  since: string;
  nextCursor: string | null;
};

export const isNewer = (row: LiveRow, than: LiveRow | undefined) =>
  !than || row.createdAt > than.createdAt || (row.createdAt === than.createdAt && row.id > than.id);

export function liveRowsFromPage<Row extends LiveRow>(page: LivePage<Row>): LiveRows<Row> {
  return { rows: page.rows, changedOlder: {}, removed: [], since: page.since, nextCursor: page.nextCursor };
}

/** Rows changed are replaced, rows new are placed by time, rows gone from the filters dropped; null on a reset. */
export function mergeChanges<Row extends LiveRow>(held: LiveRows<Row>, changes: LiveChanges<Row>): LiveRows<Row> | null {
  if (changes.reset) return null;
  const gone = new Set(changes.removed);
  const fresh = new Map(changes.rows.map((row) => [row.id, row]));
  const oldest = held.rows[held.rows.length - 1];
  const rows = held.rows.filter((row) => !gone.has(row.id)).map((row) => fresh.get(row.id) ?? row);
  const known = new Set(rows.map((row) => row.id));
  const changedOlder = { ...held.changedOlder };
  for (const row of changes.rows) {
    if (known.has(row.id)) continue;
    // Beyond the newest page's last row lie pages the browser may not have loaded: remembered, not inserted.
    if (held.nextCursor === null || isNewer(row, oldest)) rows.push(row);
    else changedOlder[row.id] = row;
  }
  for (const id of gone) delete changedOlder[id];
  rows.sort((a, b) => (isNewer(a, b) ? -1 : 1));
  return { rows, changedOlder, removed: [...held.removed, ...changes.removed], since: changes.since, nextCursor: held.nextCursor };
}

/** What the table shows: the held rows up to `top` (the newest the reader has seen), then the older pages loaded. */
export function shownRows<Row extends LiveRow>(held: LiveRows<Row>, top: LiveRow | undefined, older: readonly Row[]) {
  const head = held.rows.filter((row) => !isNewer(row, top));
  const inHead = new Set(head.map((row) => row.id));
  const gone = new Set(held.removed);
  const tail = older.filter((row) => !inHead.has(row.id) && !gone.has(row.id)).map((row) => held.changedOlder[row.id] ?? row);
  return { rows: [...head, ...tail], newCount: held.rows.length - head.length };
}

/** One poll of a live review: the changes since the rows held merged in, or (first, or after a reset) the newest page. */
export async function pollLiveRows<Row extends LiveRow>(
  held: LiveRows<Row> | undefined,
  changesSince: (since: string) => Promise<LiveChanges<Row> | LivePage<Row>>,
  newestPage: () => Promise<LivePage<Row>>,
): Promise<LiveRows<Row>> {
  if (held) {
    const answer = await changesSince(held.since);
    const merged = "reset" in answer ? mergeChanges(held, answer) : liveRowsFromPage(answer);
    if (merged) return merged;
  }
  return liveRowsFromPage(await newestPage());
}
