import { setTimeout as sleep } from "node:timers/promises";
import type { SeenTransfer } from "./transfers";

/** States the desk's inquiry worker still moves on by asking Eko; on hold waits for Eko's people, not the worker. */
const SETTLING = new Set(["pending", "unknown", "in-progress", "awaited"]);

type Answer = { state: string; refund?: { state: string } | null };
/** What is watched of a transfer: its own state, or (for the refunds the load made) its latest refund's. */
export const transferState = (answer: Answer) => answer.state;
export const refundState = (answer: Answer) => answer.refund?.state ?? "none";
const POLL_MS = 1_000;

/**
 * Waits, at most `timeoutMs`, until every transfer the desk answered with has left the settling states, reading each
 * as the agent's screen does (GET /api/transfers/<ref>). Returns how many were open at the start and are still open.
 */
export async function settleTransfers(
  seen: Map<string, SeenTransfer>,
  timeoutMs: number,
  stateOf: (answer: Answer) => string = transferState,
): Promise<{ opened: number; open: number; seconds: number }> {
  const started = performance.now();
  let open = [...seen].filter(([, t]) => SETTLING.has(t.state));
  const opened = open.length;
  while (open.length > 0 && performance.now() - started < timeoutMs) {
    await sleep(POLL_MS);
    await Promise.all(
      open.map(async ([ref, t]) => {
        const response = await fetch(`${t.agent.baseUrl}/api/transfers/${ref}`, { headers: { cookie: t.agent.cookie } }).catch(() => null);
        if (response?.ok) t.state = stateOf((await response.json()) as Answer);
      }),
    );
    open = open.filter(([, t]) => SETTLING.has(t.state));
  }
  return { opened, open: open.length, seconds: (performance.now() - started) / 1000 };
}
