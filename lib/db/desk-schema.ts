import { bigserial, char, check, index, jsonb, pgTable, text, timestamp, varchar } from "drizzle-orm/pg-core";
import { authSessions } from "./auth-schema";
import { oneOf, stamp } from "./column-helpers";
import { VISIT_STATES } from "./schema-states";

// The desk's own tables beside the ledger: the counter's visits, the audit trail and the sign-in throttle.

/**
 * A customer at an agent's counter, one row per look-up, deleted with the agent's session. Not a ledger row: it holds
 * the wallet token (sealed) until `expires_at`, and the recipient list the browser's pick is checked against.
 */
export const customerVisits = pgTable(
  "customer_visits",
  {
    id: varchar("id", { length: 32 }).primaryKey(),
    sessionId: text("session_id")
      .notNull()
      .references(() => authSessions.id, { onDelete: "cascade" }),
    agent: text("agent").notNull(),
    submissionId: varchar("submission_id", { length: 64 }).notNull().unique(),
    customerMobileHash: char("customer_mobile_hash", { length: 64 }).notNull(),
    customerMobileLast4: char("customer_mobile_last4", { length: 4 }).notNull(),
    customerMobileEncrypted: text("customer_mobile_encrypted").notNull(),
    state: text("state", { enum: VISIT_STATES }).notNull().default("looking-up"),
    /** Eko's reference for the verification OTP it texted (Get Sender); the OTP itself is never kept. */
    senderOtpRefId: text("sender_otp_ref_id"),
    walletTokenSealed: text("wallet_token_sealed"),
    profile: jsonb("profile"),
    recipients: jsonb("recipients"),
    recipientsReadAt: stamp("recipients_read_at"),
    result: jsonb("result"),
    createdAt: stamp("created_at").notNull().defaultNow(),
    expiresAt: stamp("expires_at").notNull(),
  },
  (t) => [check("customer_visits_state_known", oneOf(t.state, VISIT_STATES)), index("customer_visits_session_idx").on(t.sessionId)],
);

export type CustomerVisitRow = typeof customerVisits.$inferSelect;

/** Append-only (a trigger refuses UPDATE and DELETE): sign-ins, user changes, limit refusals. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: stamp("at").notNull().defaultNow(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    target: text("target"),
    detail: jsonb("detail"),
    ipAddress: text("ip_address"),
  },
  (t) => [index("audit_events_at_idx").on(t.at, t.id)],
);

export type AuditEventRow = typeof auditEvents.$inferSelect;

const SIGN_IN_OUTCOMES = ["pending", "failed", "succeeded"] as const;

/**
 * The sign-in throttle's own record (lib/auth/sign-in-throttle.ts): each attempt is written before its password is
 * checked, then given its outcome. Not the audit trail; rows older than a day are deleted as new ones arrive.
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
    username: text("username").notNull(),
    ipAddress: text("ip_address"),
    outcome: text("outcome", { enum: SIGN_IN_OUTCOMES }).notNull().default("pending"),
  },
  (t) => [
    check("sign_in_attempts_outcome_known", oneOf(t.outcome, SIGN_IN_OUTCOMES)),
    index("sign_in_attempts_username_at_idx").on(t.username, t.at),
    index("sign_in_attempts_address_at_idx").on(t.ipAddress, t.at),
    index("sign_in_attempts_at_idx").on(t.at),
  ],
);
