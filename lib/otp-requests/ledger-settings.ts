import "server-only";
import { z } from "zod";
import { ConfigError, getEkoConfig } from "@/lib/eko/config";

const graceSchema = z
  .string()
  .regex(/^\d+$/)
  .transform(Number)
  .pipe(z.number().min(0).max(600_000));

/**
 * A `pending` row older than Eko's timeout plus this grace is read as `unknown`: its process died mid-call.
 * The grace covers clock drift between instances and the ledger write after the call.
 */
export function pendingGraceMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.LEDGER_PENDING_GRACE_MS?.trim();
  if (!raw) return 10_000;
  const parsed = graceSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(["LEDGER_PENDING_GRACE_MS must be a whole number of milliseconds up to 600000"]);
  return parsed.data;
}

/** Rows created before this instant and still `pending` are `unknown`. */
export function staleBefore(now: Date = new Date()): Date {
  return new Date(now.getTime() - getEkoConfig().timeoutMs - pendingGraceMs());
}
