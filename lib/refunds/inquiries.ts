import "server-only";
import type { Db } from "@/lib/db/open";
import type { RefundRow } from "@/lib/db/schema";
import { recordAudit } from "@/lib/audit/audit-log";
import { getEkoConfig } from "@/lib/eko/config";
import { transactionInquiry } from "@/lib/eko/operations/transaction-inquiry";
import { errorCode } from "@/lib/error-code";
import { recordedCall, type RecordedCallDeps } from "@/lib/ledger/recorded-call";
import { logEvent } from "@/lib/log";
import { settings } from "@/lib/settings";
import { nextInquiryAt } from "@/lib/transfers/inquiry-schedule";
import { stageOf } from "@/lib/transfers/tx-status";
import { claimDueRefunds, settleTransferRefunded, transferOf, updateRefund, type RefundUpdate } from "./repository";
import { inSpan } from "@/lib/observability/tracing";

export type RefundInquiryDeps = Partial<RecordedCallDeps> & { notMadeAfterMs?: number };

/** Inquiries in a row that still find the transfer in refund pending before an unanswered refund counts as not made. */
export const STILL_PENDING_CHECKS = 2;
const BATCH = 10;

/**
 * An unanswered refund settled from Eko's books: Transaction Inquiry on its transfer says `tx_status` 4 (refunded),
 * or, asked twice well after the call was given up, still 3 (refund pending: this refund was not made). Anything else
 * is asked again on the transfers' schedule; past it, a person takes over.
 */
export async function checkRefund(db: Db, row: RefundRow, deps: RefundInquiryDeps = {}): Promise<RefundRow | undefined> {
  const now = deps.now ?? (() => new Date());
  const transfer = await transferOf(db, row.transferId);
  if (!transfer) return undefined;
  const actor = { agent: row.agent, agentId: row.agentId, userCode: row.userCode };
  const outcome = await recordedCall(
    transactionInquiry,
    { clientRefId: transfer.clientRefId },
    { actor, aboutRefId: row.clientRefId },
    { ...deps, db },
  );
  const at = now();
  const checks = row.checks + 1;
  const stage = outcome.kind === "ok" ? stageOf(outcome.data.tx_status) : null;
  const gaveUpAt = row.completedAt?.getTime() ?? row.createdAt.getTime() + (deps.config ?? getEkoConfig()).timeoutMs;
  const longEnough = at.getTime() - gaveUpAt >= (deps.notMadeAfterMs ?? settings("ledger").notFoundAfterMs);
  let update: RefundUpdate = { checks, lastCheckAt: at };
  if (stage === "refunded") update = { ...update, state: "refunded", settledAt: at, nextCheckAt: null };
  else if (stage === "refund-pending" && checks >= STILL_PENDING_CHECKS && longEnough)
    update = { ...update, state: "not-made", settledAt: at, nextCheckAt: null };
  else update = { ...update, state: "unknown", nextCheckAt: nextInquiryAt(row.createdAt, at, checks) };
  const recorded = await updateRefund(db, row.clientRefId, row.state, update).catch((error: unknown) => {
    logEvent("error", "ledger.write_failed", {
      operation: "transaction-inquiry",
      clientRefId: row.clientRefId,
      stage: "refund",
      error: errorCode(error) ?? "unknown",
    });
    return undefined;
  });
  if (recorded && update.state === "refunded") await settleTransferRefunded(db, row.transferId, at);
  if (recorded && update.settledAt) {
    await recordAudit(db, {
      actor: "system",
      action: "refund.settled",
      target: transfer.clientRefId,
      detail: { refund: row.clientRefId, state: recorded.state },
    }).catch(() => undefined);
  }
  logEvent("info", "refund.checked", { clientRefId: row.clientRefId, outcome: outcome.kind, state: update.state ?? row.state, checks });
  return recorded;
}

const leaseFrom = (now: Date, timeoutMs: number) => new Date(now.getTime() + timeoutMs + 5_000);

/** Checks every refund due now, a batch at a time; returns how many were checked. */
export async function runDueRefundChecks(db: Db, deps: RefundInquiryDeps = {}): Promise<number> {
  const config = deps.config ?? getEkoConfig();
  const now = deps.now ?? (() => new Date());
  let total = 0;
  for (;;) {
    const at = now();
    const claimed = await claimDueRefunds(db, at, leaseFrom(at, config.timeoutMs), BATCH);
    await Promise.all(claimed.map((row) => inSpan("inquiry refund", {}, () => checkRefund(db, row, { ...deps, config }))));
    total += claimed.length;
    if (claimed.length < BATCH) return total;
  }
}
