import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "@/lib/db/open";
import type { OtpRequestRow } from "@/lib/db/schema";
import { findBySubmission, type PendingRequest } from "./ledger-repository";
import type { OtpRequestResult } from "./result";
import type { MessageKey } from "@/lib/i18n/translate";

const POLL_MS = 100;
/** Beyond Eko's timeout: the first request's own ledger write, and a little clock drift between instances. */
const WAIT_MARGIN_MS = 3_000;

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
  const deadline = performance.now() + Math.min(Math.max(budgetMs, 0), options.timeoutMs + WAIT_MARGIN_MS);
  let current = row;
  while (current.state === "pending") {
    if (performance.now() >= deadline) return unknown;
    await sleep(POLL_MS);
    current = (current.submissionId ? await findBySubmission(db, current.submissionId) : undefined) ?? current;
  }
  return storedResult(current.result) ?? unknown;
}
