import type { ReviewChanges, ReviewPage, ReviewRow } from "./review-filters";

/**
 * The rows a live review holds, kept by merging each poll's changes in (review-service.ts `getReviewChanges`): the
 * newest rows (the first page and everything created since, newest first), the rows beyond them that changed, the
 * ids of rows that changed out of the filters, and the `since` of the next poll.
 */
export type LiveRows = {
  rows: ReviewRow[];
  changedOlder: Record<number, ReviewRow>;
  removed: number[];
  since: string;
  nextCursor: string | null;
};

export const isNewer = (row: ReviewRow, than: ReviewRow | undefined) =>
  !than || row.createdAt > than.createdAt || (row.createdAt === than.createdAt && row.id > than.id);

export function liveRowsFromPage(page: ReviewPage): LiveRows {
  return { rows: page.rows, changedOlder: {}, removed: [], since: page.since, nextCursor: page.nextCursor };
}

/** Rows changed are replaced, rows new are placed by time, rows gone from the filters dropped; null on a reset. */
export function mergeChanges(held: LiveRows, changes: ReviewChanges): LiveRows | null {
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
export function shownRows(held: LiveRows, top: ReviewRow | undefined, older: readonly ReviewRow[]) {
  const head = held.rows.filter((row) => !isNewer(row, top));
  const inHead = new Set(head.map((row) => row.id));
  const gone = new Set(held.removed);
  const tail = older.filter((row) => !inHead.has(row.id) && !gone.has(row.id)).map((row) => held.changedOlder[row.id] ?? row);
  return { rows: [...head, ...tail], newCount: held.rows.length - head.length };
}
