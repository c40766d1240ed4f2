import { setTimeout as sleep } from "node:timers/promises";

/** Beyond Eko's timeout: the first request's own ledger write, and a little clock drift between instances. */
export const WAIT_MARGIN_MS = 3_000;
const POLL_MS = 100;

/**
 * A ledger row read again until it is no longer `pending` or `budgetMs` has passed (then as last read): how a repeat
 * of a submission waits for the first arrival's call, instead of calling Eko itself.
 */
export async function whilePending<Row extends { state: string }>(row: Row, read: () => Promise<Row | undefined>, budgetMs: number): Promise<Row> {
  const deadline = performance.now() + budgetMs;
  let current = row;
  while (current.state === "pending" && performance.now() < deadline) {
    await sleep(POLL_MS);
    current = (await read()) ?? current;
  }
  return current;
}
