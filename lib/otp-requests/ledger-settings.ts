import "server-only";
import { getEkoConfig } from "@/lib/eko/config";
import { readSettings, settings } from "@/lib/settings";

/** LEDGER_PENDING_GRACE_MS (lib/settings.ts): how long past Eko's timeout a `pending` row waits to read `unknown`. */
export function pendingGraceMs(env?: Record<string, string | undefined>): number {
  return (env ? readSettings("ledger", env) : settings("ledger")).pendingGraceMs;
}

/** Rows created before this instant and still `pending` are `unknown`: their process died mid-call. */
export function staleBefore(now: Date = new Date()): Date {
  return new Date(now.getTime() - getEkoConfig().timeoutMs - pendingGraceMs());
}
