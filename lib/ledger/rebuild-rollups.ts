import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { otpRequestRollups, otpRequests } from "@/lib/db/schema";
import { logEvent } from "@/lib/log";
import { rebuildOtpRollups } from "@/lib/otp-requests/rollups";

/** Every rollup rebuilt from the ledger; returns the rows written per family. */
export async function rebuildRollups(db: Db): Promise<{ otpRequests: number }> {
  return { otpRequests: await rebuildOtpRollups(db) };
}

/**
 * At start-up: a ledger that has rows but no rollups was written before the rollups existed (an upgrade), so they are
 * built once from it. Ledger writes wait meanwhile (seconds per million rows); `npm run rollups:rebuild` does the same
 * beforehand.
 */
export async function rebuildRollupsIfMissing(db: Db): Promise<void> {
  const [row] = await db
    .select({
      missing: sql<boolean>`exists (select 1 from ${otpRequests} where ${otpRequests.state} <> 'pending') and not exists (select 1 from ${otpRequestRollups})`,
    })
    .from(sql`(select 1) one`);
  if (!row?.missing) return;
  const started = performance.now();
  const written = await rebuildRollups(db);
  logEvent("info", "rollups.rebuilt", { ...written, ms: Math.round(performance.now() - started) });
}
