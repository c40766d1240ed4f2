import "server-only";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/open";
import type { RefundRow, TransferRow } from "@/lib/db/schema";
import { recordAudit } from "@/lib/audit/audit-log";
import { newClientRefId } from "@/lib/eko/client-ref-id";
import { getEkoConfig } from "@/lib/eko/config";
import { getRefundOtp } from "@/lib/eko/operations/get-refund-otp";
import { initiateRefund as initiateRefundCall } from "@/lib/eko/operations/initiate-refund";
import { errorCode } from "@/lib/error-code";
import type { MessageKey } from "@/lib/i18n/translate";
import { isSubmissionId } from "@/lib/ledger/submission-id";
import { recordedCall, sendGuarded, type RecordedCallDeps } from "@/lib/ledger/recorded-call";
import { WAIT_MARGIN_MS, whilePending } from "@/lib/ledger/while-pending";
import { logEvent } from "@/lib/log";
import { trackInFlight } from "@/lib/startup/graceful-shutdown";
import { kickInquiries } from "@/lib/transfers/inquiries";
import { findTransfer } from "@/lib/transfers/repository";
import { refundColumns } from "./outcome-columns";
import {
  findLiveRefund,
  findRefundBySubmission,
  insertPendingRefund,
  recheckTransfer,
  recordRefundOtp,
  settleTransferRefunded,
  updateRefund,
} from "./repository";
import { refundViewOf, type RefundView } from "./view";

export type RefundActor = { agent: string; agentId: string | null; userCode: string };
export type RefundDeps = Partial<RecordedCallDeps> & { kick?: () => void };

/** A refund OTP is asked for at most this often per transfer: Eko texts the customer each time. */
export const REFUND_OTP_GAP_MS = 30_000;
/** Eko's refusals that say the OTP was wrong or spent: nothing changed, the agent types it again or asks a new one. */
const OTP_REFUSALS = new Set([302, 303, 2138]);

type Invalid = { status: "invalid"; fieldErrors: { otp?: MessageKey }; formError: MessageKey };
const invalid = (formError: MessageKey): Invalid => ({ status: "invalid", fieldErrors: {}, formError });

export type RefundOtpResult =
  | { status: "otp-sent"; sentAt: string; repeated: boolean }
  | {
      status: "otp-not-sent";
      outcome: "rejected" | "failed" | "unknown" | "not-sent";
      eko: { status: number | null; message: string | null } | null;
      retryAt: string | null;
    }
  | Invalid;

export type RefundResult = { status: "refund"; refund: RefundView; repeated: boolean } | Invalid;

/** The agent's own transfer, while Eko holds it in refund pending: the only kind that may be refunded. */
async function refundableTransfer(db: Db, ref: string, agent: string): Promise<TransferRow | Invalid> {
  const transfer = await findTransfer(db, ref);
  if (!transfer || transfer.agent !== agent) return invalid("error.refund.noTransfer");
  if (transfer.state !== "refund-pending" || !transfer.tid) return invalid("error.refund.notPending");
  return transfer;
}

/** "Send refund OTP": Get Refund OTP once per submission, its reference kept on the transfer for Initiate Refund. */
export async function sendRefundOtp(
  input: { transferRef: string; submissionId: string },
  actor: RefundActor,
  deps: RefundDeps = {},
): Promise<RefundOtpResult> {
  if (!isSubmissionId(input.submissionId)) return invalid("error.form.unusable");
  const db = deps.db ?? (await getDb());
  const now = deps.now ?? (() => new Date());
  const transfer = await refundableTransfer(db, input.transferRef, actor.agent).catch(() => invalid("error.refund.ledgerDown"));
  if ("status" in transfer) return transfer;
  if (await findLiveRefund(db, transfer.id)) return invalid("error.refund.alreadyMade");
  const sentAt = transfer.refundOtpSentAt;
  if (sentAt && now().getTime() - sentAt.getTime() < REFUND_OTP_GAP_MS) return invalid("error.refund.otpJustSent");
  const outcome = await recordedCall(
    getRefundOtp,
    { tid: transfer.tid! },
    { actor, aboutRefId: transfer.clientRefId, submissionId: input.submissionId },
    { ...deps, db },
  );
  if (outcome.kind === "repeated") {
    const again = await findTransfer(db, transfer.clientRefId);
    return again?.refundOtpSentAt
      ? { status: "otp-sent", sentAt: again.refundOtpSentAt.toISOString(), repeated: true }
      : invalid("error.submission.reload");
  }
  await recordAudit(db, {
    actor: actor.agent,
    action: "refund.otp_requested",
    target: transfer.clientRefId,
    detail: { call: outcome.clientRefId, outcome: outcome.kind },
  }).catch((error: unknown) => logEvent("error", "audit.write_failed", { action: "refund.otp_requested", error: errorCode(error) ?? "unknown" }));
  if (outcome.kind === "ok") {
    const at = now();
    await recordRefundOtp(db, transfer.id, outcome.data.otp_ref_id, at);
    return { status: "otp-sent", sentAt: at.toISOString(), repeated: false };
  }
  // Eko refusing a refund OTP may mean the transfer moved on there (refunded elsewhere): read its state again.
  if (outcome.kind === "rejected") await recheckTransfer(db, transfer.id, now()).catch(() => undefined);
  const codes = "codes" in outcome ? outcome.codes : null;
  return {
    status: "otp-not-sent",
    outcome: outcome.kind,
    eko: codes ? { status: codes.status, message: codes.message } : null,
    retryAt: outcome.kind === "not-sent" ? outcome.retryAt : null,
  };
}

/**
 * The customer's refund OTP gives the money back, once: written to the ledger before the call, never retried, an
 * outcome that is not an answer left `unknown` for Transaction Inquiry. What is refunded is the transfer, never the form.
 */
export async function refundTransfer(
  input: { transferRef: string; otp: string; submissionId: string },
  actor: RefundActor,
  deps: RefundDeps = {},
): Promise<RefundResult> {
  if (!isSubmissionId(input.submissionId)) return invalid("error.form.unusable");
  const db = deps.db ?? (await getDb());
  const now = deps.now ?? (() => new Date());
  const config = deps.config ?? getEkoConfig();
  const clientRefId = newClientRefId(now().getTime());
  let transfer: TransferRow | Invalid;
  let inserted: RefundRow | null;
  try {
    const repeat = await findRefundBySubmission(db, input.submissionId);
    if (repeat) return repeated(db, repeat, input.submissionId, config.timeoutMs);
    const own = await findTransfer(db, input.transferRef);
    // Another tab's refund of this transfer, made or in flight: shown, not made again.
    const live = own && own.agent === actor.agent ? await findLiveRefund(db, own.id) : undefined;
    if (live) return repeated(db, live, input.submissionId, config.timeoutMs);
    transfer = await refundableTransfer(db, input.transferRef, actor.agent);
    if ("status" in transfer) return transfer;
    if (!transfer.refundOtpRefId) return invalid("error.refund.sendOtpFirst");
    inserted = await insertPendingRefund(db, {
      clientRefId,
      submissionId: input.submissionId,
      transferId: transfer.id,
      agent: actor.agent,
      agentId: actor.agentId,
      userCode: actor.userCode,
      customerMobileHash: transfer.customerMobileHash,
      customerMobileLast4: transfer.customerMobileLast4,
      amount: transfer.amount,
      createdAt: now(),
      // If this process dies mid-call, the inquiry worker takes the refund up once the call could no longer answer.
      nextCheckAt: new Date(now().getTime() + config.timeoutMs + WAIT_MARGIN_MS),
    });
  } catch (error) {
    logEvent("error", "ledger.write_failed", { operation: "initiate-refund", clientRefId, stage: "pending", error: errorCode(error) ?? "unknown" });
    return invalid("error.refund.ledgerDown");
  }
  if (!inserted) {
    const first = (await findRefundBySubmission(db, input.submissionId)) ?? (await findLiveRefund(db, transfer.id));
    return first ? repeated(db, first, input.submissionId, config.timeoutMs) : invalid("error.submission.reload");
  }
  const request = { tid: transfer.tid!, otp: input.otp, otpRefId: transfer.refundOtpRefId! };
  const row = await trackInFlight(
    sendGuarded(initiateRefundCall, request, { actor, clientRefId }, { ...deps, config }).then(async (outcome) => {
      const columns = refundColumns(outcome, outcome.latencyMs);
      const open = columns.state === "unknown";
      const at = now();
      const completed = await updateRefund(db, clientRefId, "pending", {
        ...columns,
        completedAt: at,
        nextCheckAt: open ? at : null,
        settledAt: open ? null : at,
      }).catch((error: unknown) => {
        logEvent("error", "ledger.write_failed", {
          operation: "initiate-refund",
          clientRefId,
          stage: "outcome",
          error: errorCode(error) ?? "unknown",
        });
        return undefined;
      });
      if (columns.state === "refunded") await settleTransferRefunded(db, inserted.transferId, at).catch(() => undefined);
      const otpRefused = columns.state === "refused" && OTP_REFUSALS.has(columns.ekoStatus ?? -1);
      if (columns.state === "refused" && !otpRefused) await recheckTransfer(db, inserted.transferId, at).catch(() => undefined);
      return completed ?? { ...inserted, ...columns };
    }),
  );
  await recordAudit(db, {
    actor: actor.agent,
    action: "refund.initiated",
    target: transfer.clientRefId,
    detail: { refund: clientRefId, state: row.state, amount: row.amount, ekoStatus: row.ekoStatus ?? null },
  }).catch((error: unknown) => logEvent("error", "audit.write_failed", { action: "refund.initiated", error: errorCode(error) ?? "unknown" }));
  logEvent(row.state === "refunded" ? "info" : "warn", "refund.initiated", {
    clientRefId,
    transfer: transfer.clientRefId,
    agent: actor.agent,
    state: row.state,
  });
  if (row.state === "unknown") (deps.kick ?? kickInquiries)();
  return { status: "refund", refund: refundViewOf(row), repeated: false };
}

/** A submission already used, or a refund already made on this transfer: the first one's state, once it has one. */
async function repeated(db: Db, first: RefundRow, submissionId: string, timeoutMs: number): Promise<RefundResult> {
  const read = async () => (await findRefundBySubmission(db, first.submissionId)) ?? first;
  const row = await whilePending(first, read, timeoutMs + WAIT_MARGIN_MS);
  logEvent("info", "refund.repeated", { clientRefId: row.clientRefId, state: row.state, sameSubmission: row.submissionId === submissionId });
  return { status: "refund", refund: refundViewOf(row), repeated: true };
}
