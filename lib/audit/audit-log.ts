import "server-only";
import { desc } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import type { Db, Queryable } from "@/lib/db/open";
import { auditEvents, type AuditEventRow } from "@/lib/db/schema";

export type AuditAction =
  | "sign_in.succeeded"
  | "sign_in.failed"
  | "sign_out"
  | "user.created"
  | "user.disabled"
  | "user.enabled"
  | "user.password_reset"
  | "user.role_changed"
  | "user.user_code_changed"
  | "user.shop_location_changed"
  | "otp.limited"
  | "refund.otp_requested"
  | "refund.initiated"
  | "refund.settled";

export type AuditEntry = {
  /** Username of whoever acted, or "cli", "anonymous". */
  actor: string;
  action: AuditAction;
  target?: string | null;
  /** Codes and context only: never a password, key, token or full mobile. */
  detail?: Record<string, string | number | boolean | null>;
  ipAddress?: string | null;
};

/** Appends one event; the table refuses updates and deletes. */
export async function recordAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    actor: entry.actor,
    action: entry.action,
    target: entry.target ?? null,
    detail: entry.detail ?? null,
    ipAddress: entry.ipAddress ?? null,
  });
}

export async function listAuditEvents(db: Db, limit = 200): Promise<AuditEventRow[]> {
  return db.select().from(auditEvents).orderBy(desc(auditEvents.at), desc(auditEvents.id)).limit(limit);
}

/** The admins' view of the trail. */
export async function recentAuditEvents(limit = 200): Promise<AuditEventRow[]> {
  return listAuditEvents(await getDb(), limit);
}
