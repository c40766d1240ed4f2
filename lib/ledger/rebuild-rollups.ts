import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { otpRequestRollups, otpRequests, transferRollups, transfers } from "@/lib/db/schema";
import { logEvent } from "@/lib/log";
import { rebuildOtpRollups } from "@/lib/otp-requests/rollups";
import { rebuildTransferRollups } from "@/lib/transfers/rollups";

/** Every rollup rebuilt from the ledger; returns the rows written per family. */
export async function rebuildRollups(db: Db): Promise<{ otpRequests: number; transfers: number }> {
  return { otpRequests: await rebuildOtpRollups(db), transfers: await rebuildTransferRollups(db) };
}

/**
 * At start-up: a ledger that has rows but no rollups of a family was written before those rollups existed (an
 * upgrade), so that family is built once from it. Ledger writes wait meanwhile (seconds per million rows);
 * `npm run rollups:rebuild` does the same beforehand.
 */
export async function rebuildRollupsIfMissing(db: Db): Promise<void> {
  const [row] = await db
    .select({
      otpRequests: sql<boolean>`exists (select 1 from ${otpRequests} where ${otpRequests.state} <> 'pending') and not exists (select 1 from ${otpRequestRollups})`,
      transfers: sql<boolean>`exists (select 1 from ${transfers}) and not exists (select 1 from ${transferRollups})`,
    })
    .from(sql`(select 1) one`);
  if (!row?.otpRequests && !row?.transfers) return;
  const started = performance.now();
  const written = {
    ...(row.otpRequests ? { otpRequests: await rebuildOtpRollups(db) } : {}),
    ...(row.transfers ? { transfers: await rebuildTransferRollups(db) } : {}),
  };
  logEvent("info", "rollups.rebuilt", { ...written, ms: Math.round(performance.now() - started) });
}
