import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, char, check, index, integer, jsonb, pgTable, text, uniqueIndex, varchar } from "drizzle-orm/pg-core";

import { EKO_CALL_STATES, MONEY_NOT_MOVED, OTP_REQUEST_STATES, REFUND_NOT_MADE, REFUND_STATES, TRANSFER_STATES } from "./schema-states";
import { noneOf, oneOf, stamp } from "./column-helpers";

// `unknown` is also what a `pending` row reads as once it is older than the timeout plus a margin.
export {
  EKO_CALL_STATES,
  MONEY_NOT_MOVED,
  OTP_REQUEST_STATES,
  REFUND_NOT_MADE,
  REFUND_STATES,
  TRANSFER_STATES,
  VISIT_STATES,
  type RefundState,
  type VisitState,
  type EkoCallState,
  type OtpRequestState,
  type TransferState,
} from "./schema-states";

/**
 * The shape every ledger row of an Eko call shares, whatever the business object: who made it, under which reference,
 * and how Eko answered (lib/ledger/answer-columns.ts fills the answer from an outcome).
 */
const ekoCallColumns = () => ({
  id: bigserial("id", { mode: "number" }).primaryKey(),
  clientRefId: varchar("client_ref_id", { length: 20 }).notNull().unique(),
  agent: text("agent").notNull(),
  agentId: text("agent_id"),
  userCode: text("user_code").notNull(),
  failureReason: text("failure_reason"),
  ekoStatus: integer("eko_status"),
  ekoResponseStatusId: integer("eko_response_status_id"),
  ekoResponseTypeId: integer("eko_response_type_id"),
  ekoMessage: text("eko_message"),
  httpStatus: integer("http_status"),
  latencyMs: integer("latency_ms"),
  // Millisecond precision, so a JavaScript Date round-trips exactly into keyset cursors.
  createdAt: stamp("created_at").notNull().defaultNow(),
  completedAt: stamp("completed_at"),
});

/**
 * One row per OTP request, written *before* Eko is called and completed after. The customer's mobile is held three
 * ways: a keyed hash (exact search, per-mobile limits), the last four digits (display), and AES-256-GCM ciphertext.
 */
export const otpRequests = pgTable(
  "otp_requests",
  {
    ...ekoCallColumns(),
    /** One per rendered form: the same submission arriving twice finds this row instead of calling Eko again. */
    submissionId: varchar("submission_id", { length: 64 }).unique(),
    customerMobileHash: char("customer_mobile_hash", { length: 64 }).notNull(),
    customerMobileLast4: char("customer_mobile_last4", { length: 4 }).notNull(),
    customerMobileEncrypted: text("customer_mobile_encrypted").notNull(),
    recipientId: bigint("recipient_id", { mode: "number" }).notNull(),
    beneficiaryId: text("beneficiary_id"),
    amount: integer("amount").notNull(),
    state: text("state", { enum: OTP_REQUEST_STATES }).notNull().default("pending"),
    otpRefId: text("otp_ref_id"),
    /** Eko's channel for the recipient (0 IMPS, 2 NEFT), from the recipient list the agent picked from; IMPS when typed. */
    channel: integer("channel").notNull().default(0),
    /** The picked recipient as Get Recipients showed it (account masked by Eko), for the result card and the review. */
    recipientName: text("recipient_name"),
    recipientBank: text("recipient_bank"),
    recipientAccountMasked: text("recipient_account_masked"),
    /** The result the agent was shown (masked, no keys): a repeated submission is shown the same. */
    result: jsonb("result"),
  },
  (t) => [
    check("otp_requests_amount_positive", sql`${t.amount} > 0`),
    check("otp_requests_state_known", oneOf(t.state, OTP_REQUEST_STATES)),
    // Keyset pagination, newest first, with and without the common filters. Ascending on purpose: scanned backwards
    // they give exactly `ORDER BY created_at DESC, id DESC` (NULLS FIRST), which a DESC NULLS LAST index would not.
    // `amount` last: an amount range over some days is then checked in the index, and only its rows are read.
    index("otp_requests_created_idx").on(t.createdAt, t.id, t.amount),
    index("otp_requests_state_created_idx").on(t.state, t.createdAt, t.id),
    index("otp_requests_agent_created_idx").on(t.agent, t.createdAt, t.id),
    index("otp_requests_mobile_created_idx").on(t.customerMobileHash, t.createdAt, t.id),
    // The `unknown` outcome is `state = 'unknown' OR (state = 'pending' AND created_at < stale)`: an OR that the state
    // index cannot return in date order, so without this the first page walks otp_requests_created_idx back to the
    // newest unknown row, and timeouts come in bursts (40 ms at 1M rows when the last one is 10 days old). Small: only
    // rows still pending or unknown, plus every fresh insert until vacuum clears its entry after completion.
    index("otp_requests_unresolved_created_idx")
      .on(t.createdAt, t.id)
      .where(sql`${t.state} in ('pending', 'unknown')`),
    // The live review's poll asks for rows completed since its last poll (created ones it finds by created_at).
    index("otp_requests_completed_idx").on(t.completedAt),
    // The summaries read completed rows from the rollups and only the few still pending from here.
    index("otp_requests_pending_created_idx")
      .on(t.agent, t.createdAt)
      .where(sql`${t.state} = 'pending'`),
  ],
);

export type OtpRequestRow = typeof otpRequests.$inferSelect;
export type NewOtpRequestRow = typeof otpRequests.$inferInsert;

/**
 * Every call to Eko that is not itself a business object's row (Send OTP's is its `otp_requests` row, Initiate
 * Transaction's its `transfers` row): written before
 * the call, completed after. Nothing typed into the call is kept (no OTP, token or identity number): the operation,
 * its reference, the customer as a keyed hash and last four digits, and Eko's answer codes.
 */
export const ekoCalls = pgTable(
  "eko_calls",
  {
    ...ekoCallColumns(),
    operation: text("operation").notNull(),
    movesMoney: boolean("moves_money").notNull(),
    customerMobileHash: char("customer_mobile_hash", { length: 64 }),
    customerMobileLast4: char("customer_mobile_last4", { length: 4 }),
    state: text("state", { enum: EKO_CALL_STATES }).notNull().default("pending"),
    /** The business row this call is about when it is not the row's own call (a transfer's inquiries). */
    aboutRefId: varchar("about_ref_id", { length: 20 }),
    /** For a call that adds or texts something: one per form submission, so a repeat finds this row. */
    submissionId: varchar("submission_id", { length: 64 }).unique(),
    /** What the agent was shown (masked, no token or OTP): a repeated submission is shown the same. */
    result: jsonb("result"),
  },
  (t) => [
    check("eko_calls_state_known", oneOf(t.state, EKO_CALL_STATES)),
    index("eko_calls_about_idx")
      .on(t.aboutRefId, t.createdAt)
      .where(sql`${t.aboutRefId} is not null`),
    index("eko_calls_created_idx").on(t.createdAt, t.id),
    index("eko_calls_agent_created_idx").on(t.agent, t.createdAt, t.id),
    index("eko_calls_mobile_created_idx").on(t.customerMobileHash, t.createdAt, t.id),
  ],
);

export type EkoCallRow = typeof ekoCalls.$inferSelect;

/**
 * One row per transfer, Initiate Transaction's ledger row: written before the call is sent, completed with Eko's
 * answer and then with each inquiry's. Its `client_ref_id` is the one Eko receives, so
 * Transaction Inquiry can find it whatever happened to the answer. What it moved comes from the OTP request it names,
 * never from the browser. No OTP is kept, and the recipient's account only masked.
 */
export const transfers = pgTable(
  "transfers",
  {
    ...ekoCallColumns(),
    submissionId: varchar("submission_id", { length: 64 }).notNull().unique(),
    otpRequestId: bigint("otp_request_id", { mode: "number" })
      .notNull()
      .references(() => otpRequests.id),
    customerMobileHash: char("customer_mobile_hash", { length: 64 }).notNull(),
    customerMobileLast4: char("customer_mobile_last4", { length: 4 }).notNull(),
    recipientId: bigint("recipient_id", { mode: "number" }).notNull(),
    beneficiaryId: text("beneficiary_id"),
    amount: integer("amount").notNull(),
    /** Eko's channel: 0 IMPS, 2 NEFT. */
    channel: integer("channel").notNull(),
    state: text("state", { enum: TRANSFER_STATES }).notNull().default("pending"),
    txStatus: integer("tx_status"),
    txStatusText: text("tx_status_text"),
    tid: text("tid"),
    bankRef: text("bank_ref"),
    feePaise: integer("fee_paise"),
    collectablePaise: integer("collectable_paise"),
    recipientName: text("recipient_name"),
    recipientBank: text("recipient_bank"),
    recipientAccountMasked: text("recipient_account_masked"),
    /** Transaction Inquiry: how many times asked, when last, and when next (null once final or given to a person). */
    checks: integer("checks").notNull().default(0),
    /** Inquiries in a row that found no such transaction at Eko: two settle an unanswered transfer as `not-found`. */
    notFoundChecks: integer("not_found_checks").notNull().default(0),
    lastCheckAt: stamp("last_check_at"),
    nextCheckAt: stamp("next_check_at"),
    /** When the state became final. */
    settledAt: stamp("settled_at"),
    /** The refund OTP Eko last texted on the desk's asking (Get Refund OTP): Initiate Refund names it. */
    refundOtpRefId: text("refund_otp_ref_id"),
    refundOtpSentAt: stamp("refund_otp_sent_at"),
    /** Every write that changes what the review shows stamps it: the review's live table asks for rows changed since. */
    changedAt: stamp("changed_at").notNull().defaultNow(),
  },
  (t) => [
    check("transfers_amount_positive", sql`${t.amount} > 0`),
    check("transfers_state_known", oneOf(t.state, TRANSFER_STATES)),
    // One OTP moves money at most once, whatever the submissions: another transfer on it waits for this one to fail.
    uniqueIndex("transfers_one_live_per_otp_idx").on(t.otpRequestId).where(noneOf(t.state, MONEY_NOT_MOVED)),
    index("transfers_due_idx")
      .on(t.nextCheckAt)
      .where(sql`${t.nextCheckAt} is not null`),
    index("transfers_created_idx").on(t.createdAt, t.id),
    index("transfers_agent_created_idx").on(t.agent, t.createdAt, t.id),
    index("transfers_state_created_idx").on(t.state, t.createdAt, t.id),
    index("transfers_mobile_created_idx").on(t.customerMobileHash, t.createdAt, t.id),
    index("transfers_changed_idx").on(t.changedAt),
  ],
);

export type TransferRow = typeof transfers.$inferSelect;
export type NewTransferRow = typeof transfers.$inferInsert;

/**
 * One row per Initiate Refund, its ledger row: written before the call, completed with Eko's answer or, when there
 * was none, by Transaction Inquiry on the transfer. What is refunded comes from the transfer, never from the browser.
 */
export const refunds = pgTable(
  "refunds",
  {
    ...ekoCallColumns(),
    submissionId: varchar("submission_id", { length: 64 }).notNull().unique(),
    transferId: bigint("transfer_id", { mode: "number" })
      .notNull()
      .references(() => transfers.id),
    customerMobileHash: char("customer_mobile_hash", { length: 64 }).notNull(),
    customerMobileLast4: char("customer_mobile_last4", { length: 4 }).notNull(),
    amount: integer("amount").notNull(),
    state: text("state", { enum: REFUND_STATES }).notNull().default("pending"),
    refundTid: text("refund_tid"),
    refundedPaise: integer("refunded_paise"),
    feePaise: integer("fee_paise"),
    checks: integer("checks").notNull().default(0),
    lastCheckAt: stamp("last_check_at"),
    nextCheckAt: stamp("next_check_at"),
    settledAt: stamp("settled_at"),
  },
  (t) => [
    check("refunds_state_known", oneOf(t.state, REFUND_STATES)),
    // One refund per transfer that may have given money back: another waits for this one to be refused or not made.
    uniqueIndex("refunds_one_live_per_transfer_idx").on(t.transferId).where(noneOf(t.state, REFUND_NOT_MADE)),
    index("refunds_transfer_idx").on(t.transferId, t.createdAt),
    index("refunds_due_idx")
      .on(t.nextCheckAt)
      .where(sql`${t.nextCheckAt} is not null`),
    index("refunds_created_idx").on(t.createdAt, t.id),
  ],
);

export type RefundRow = typeof refunds.$inferSelect;
export type NewRefundRow = typeof refunds.$inferInsert;

export * from "./desk-schema";

export * from "./auth-schema";

export * from "./rollup-schema";
