import "server-only";
import type { Db } from "@/lib/db/open";
import type { OtpRequestRow } from "@/lib/db/schema";
import { findBySubmission, type PendingRequest } from "./ledger-repository";
import type { OtpRequestResult } from "./result";
import type { MessageKey } from "@/lib/i18n/translate";
import { WAIT_MARGIN_MS, whilePending } from "@/lib/ledger/while-pending";

export const FORM_REUSED = "error.form.reused" satisfies MessageKey;
export const FORM_UNUSABLE = "error.form.unusable" satisfies MessageKey;

export { isSubmissionId } from "@/lib/ledger/submission-id";

/** Whether a repeat carries the same transfer from the same agent as the row its submission id first created. */
export function isSameRequest(row: OtpRequestRow, request: PendingRequest): boolean {
  return (
    row.customerMobileHash === request.customerMobileHash &&
    row.amount === request.amount &&
    row.recipientId === request.recipientId &&
    (row.beneficiaryId ?? null) === (request.beneficiaryId ?? null) &&
    row.agent === request.agent &&
    (row.agentId ?? null) === (request.agentId ?? null)
  );
}

const RESULT_STATUSES: ReadonlySet<string> = new Set<OtpRequestResult["status"]>(["sent", "rejected", "failed", "unknown", "invalid", "limited"]);

/** The result stored with a completed row (written by this service, so its shape is only spot-checked). */
function storedResult(value: unknown): OtpRequestResult | null {
  if (typeof value !== "object" || value === null || !("status" in value) || typeof value.status !== "string") return null;
  return RESULT_STATUSES.has(value.status) ? (value as OtpRequestResult) : null;
}

export type ReplayOptions = { timeoutMs: number; now: () => Date };

/**
 * The result of a submission already recorded: the stored one once its row is complete. A row still pending is
 * polled until it completes or could no longer complete (Eko's timeout and a margin after it was written); then the
 * answer is `unknown`, as the first request's own would have been.
 */
export async function replaySubmission(db: Db, row: OtpRequestRow, options: ReplayOptions): Promise<OtpRequestResult> {
  const unknown: OtpRequestResult = {
    status: "unknown",
    reason: "timeout",
    clientRefId: row.clientRefId,
    timeoutSeconds: Math.round(options.timeoutMs / 1000),
  };
  const budgetMs = row.createdAt.getTime() + options.timeoutMs + WAIT_MARGIN_MS - options.now().getTime();
  const read = async () => (row.submissionId ? await findBySubmission(db, row.submissionId) : undefined);
  const current = await whilePending(row, read, Math.min(Math.max(budgetMs, 0), options.timeoutMs + WAIT_MARGIN_MS));
  if (current.state === "pending") return unknown;
  return storedResult(current.result) ?? unknown;
}
