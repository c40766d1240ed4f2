import "server-only";
import { count, isNotNull } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { refunds, transfers } from "@/lib/db/schema";
import { getEkoBreaker } from "@/lib/eko/breaker-settings";
import type { BreakerState } from "@/lib/eko/circuit-breaker";
import { getMetrics } from "./metrics";

const STATES: BreakerState[] = ["closed", "open", "half-open"];

/** Open transfers and refunds: each count reads only the partial index on next_check_at, whatever the ledger's size. */
async function pendingInquiries(): Promise<{ transfer: number; refund: number }> {
  const db = await getDb();
  const [[t], [r]] = await Promise.all([
    db.select({ n: count() }).from(transfers).where(isNotNull(transfers.nextCheckAt)),
    db.select({ n: count() }).from(refunds).where(isNotNull(refunds.nextCheckAt)),
  ]);
  return { transfer: t?.n ?? 0, refund: r?.n ?? 0 };
}

/** The Prometheus text for one scrape: the counters as they stand, the breaker and the inquiries read now. */
export async function scrapeMetrics(): Promise<{ contentType: string; text: string }> {
  const metrics = getMetrics();
  const breaker = getEkoBreaker().snapshot();
  for (const state of STATES) metrics.breakerState.set({ state }, breaker.state === state ? 1 : 0);
  metrics.breakerFailures.set(breaker.consecutiveFailures);
  // A database that does not answer leaves the gauge out of this scrape rather than failing the others.
  metrics.pendingInquiries.reset();
  const pending = await pendingInquiries().catch(() => null);
  if (pending) for (const [kind, n] of Object.entries(pending)) metrics.pendingInquiries.set({ kind }, n);
  return { contentType: metrics.registry.contentType, text: await metrics.registry.metrics() };
}
