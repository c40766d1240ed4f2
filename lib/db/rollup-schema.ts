import { bigint, char, date, index, integer, pgTable, primaryKey, smallint, text, unique } from "drizzle-orm/pg-core";
import { stamp } from "./column-helpers";

/**
 * Rollups of the ledger, kept in the same transaction as the ledger writes they count (lib/otp-requests/rollups.ts,
 * lib/transfers/rollups.ts) and rebuilt from the ledger by `npm run rollups:rebuild`. The supervisors' summaries read
 * these instead of scanning the ledger, so they cost the same at any ledger size.
 */

// Keys lead with the agent and the span (lib/ledger/rollup-spans.ts): a range for everyone (ALL_AGENTS) or for one
// agent is then one index range per span, at any size.

/** In a rollup's `agent` column: the row for every agent together, so a network-wide range reads one row per day, not one per agent. */
export const ALL_AGENTS = "";

/** OTP requests per India-time day (and month) × agent × state: completed rows only (pending ones are read live from the ledger). */
export const otpRequestRollups = pgTable(
  "otp_request_rollups",
  {
    day: date("day", { mode: "string" }).notNull(),
    agent: text("agent").notNull(),
    span: text("span").notNull(),
    state: text("state").notNull(),
    requests: integer("requests").notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    updatedAt: stamp("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agent, t.span, t.day, t.state] }), index("otp_request_rollups_updated_idx").on(t.updatedAt)],
);

/** The latency histogram of completed OTP requests per day × agent × state: bucket `b` as lib/ledger/latency-histogram.ts defines it. */
export const otpLatencyRollups = pgTable(
  "otp_latency_rollups",
  {
    day: date("day", { mode: "string" }).notNull(),
    agent: text("agent").notNull(),
    span: text("span").notNull(),
    state: text("state").notNull(),
    bucket: smallint("bucket").notNull(),
    requests: integer("requests").notNull(),
  },
  (t) => [primaryKey({ columns: [t.agent, t.span, t.day, t.state, t.bucket] })],
);

/** Eko's refusals of OTP requests per day × agent × status × message. */
export const otpRejectionRollups = pgTable(
  "otp_rejection_rollups",
  {
    day: date("day", { mode: "string" }).notNull(),
    agent: text("agent").notNull(),
    span: text("span").notNull(),
    ekoStatus: integer("eko_status"),
    message: text("message").notNull(),
    requests: integer("requests").notNull(),
  },
  (t) => [unique("otp_rejection_rollups_key").on(t.agent, t.span, t.day, t.ekoStatus, t.message).nullsNotDistinct()],
);

/** Customers with 3+ requests within 15 minutes, per day × agent: the most in one window and the latest such request. */
export const otpFlaggedCustomers = pgTable(
  "otp_flagged_customers",
  {
    day: date("day", { mode: "string" }).notNull(),
    agent: text("agent").notNull(),
    span: text("span").notNull(),
    customerMobileHash: char("customer_mobile_hash", { length: 64 }).notNull(),
    customerMobileLast4: char("customer_mobile_last4", { length: 4 }).notNull(),
    requests: integer("requests").notNull(),
    lastAt: stamp("last_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.agent, t.span, t.day, t.customerMobileHash] })],
);

/** Transfers per India-time hour (and month; its start) × agent × state, with the rupees and Eko's fees (paise) they carry. */
export const transferRollups = pgTable(
  "transfer_rollups",
  {
    hour: stamp("hour").notNull(),
    agent: text("agent").notNull(),
    span: text("span").notNull(),
    state: text("state").notNull(),
    transfers: integer("transfers").notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    feePaise: bigint("fee_paise", { mode: "number" }).notNull(),
    updatedAt: stamp("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agent, t.span, t.hour, t.state] }), index("transfer_rollups_updated_idx").on(t.updatedAt)],
);
