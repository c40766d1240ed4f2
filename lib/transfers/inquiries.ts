import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/open";
import type { TransferRow } from "@/lib/db/schema";
import { getEkoConfig } from "@/lib/eko/config";
import { transactionInquiry } from "@/lib/eko/operations/transaction-inquiry";
import { errorCode } from "@/lib/error-code";
import { recordedCall, type RecordedCallDeps } from "@/lib/ledger/recorded-call";
import { logEvent } from "@/lib/log";
import { withRequestContext } from "@/lib/observability/request-context";
import { inSpan } from "@/lib/observability/tracing";
import { runDueRefundChecks } from "@/lib/refunds/inquiries";
import { settings } from "@/lib/settings";
import { isDraining } from "@/lib/startup/graceful-shutdown";
import { nextInquiryAt } from "./inquiry-schedule";
import { transactionColumns } from "./outcome-columns";
import { claimDueTransfers, recordCheck, type TransferUpdate } from "./repository";
import { awaitsEko } from "./tx-status";

export type InquiryDeps = Partial<RecordedCallDeps> & { notFoundAfterMs?: number };

/** Inquiries in a row that find no transaction before an unanswered transfer may count as never having reached Eko. */
export const NOT_FOUND_CHECKS = 2;
const BATCH = 10;
/** "Check now" asks Eko at most this often about one transfer, whoever presses it. */
export const CHECK_NOW_GAP_MS = 3_000;

/**
 * One Transaction Inquiry by `client_ref_id` for a claimed transfer, recorded with the next check. "No such
 * transaction" settles it as `not-found` only when repeated and well after the call was given up; any other fault
 * waits for the next check; past the schedule, a person takes over.
 */
export async function checkTransfer(db: Db, row: TransferRow, deps: InquiryDeps = {}): Promise<TransferRow | undefined> {
  const now = deps.now ?? (() => new Date());
  const actor = { agent: row.agent, agentId: row.agentId, userCode: row.userCode };
  const outcome = await recordedCall(transactionInquiry, { clientRefId: row.clientRefId }, { actor, aboutRefId: row.clientRefId }, { ...deps, db });
  const at = now();
  const checks = row.checks + 1;
  let update: TransferUpdate = { checks, lastCheckAt: at };
  if (outcome.kind === "ok") update = { ...update, ...transactionColumns(outcome.data), notFoundChecks: 0 };
  else if (outcome.kind === "rejected" && row.tid === null) {
    const notFoundChecks = row.notFoundChecks + 1;
    // Eko may still record a request that reached it late.
    const gaveUpAt = row.completedAt?.getTime() ?? row.createdAt.getTime() + (deps.config ?? getEkoConfig()).timeoutMs;
    const longEnough = at.getTime() - gaveUpAt >= (deps.notFoundAfterMs ?? settings("ledger").notFoundAfterMs);
    update = { ...update, notFoundChecks, ...(notFoundChecks >= NOT_FOUND_CHECKS && longEnough ? { state: "not-found" as const } : {}) };
  }
  const state = update.state ?? row.state;
  const open = awaitsEko(state);
  const next = open ? nextInquiryAt(row.createdAt, at, checks) : null;
  // An unanswered call still `pending` (its process died) becomes `unknown` once asked about.
  if (state === "pending") update.state = "unknown";
  const recorded = await recordCheck(db, row.clientRefId, row.state, { ...update, nextCheckAt: next, settledAt: open ? null : at }).catch(
    (error: unknown) => {
      logEvent("error", "ledger.write_failed", {
        operation: "transaction-inquiry",
        clientRefId: row.clientRefId,
        stage: "outcome",
        error: errorCode(error) ?? "unknown",
      });
      return undefined;
    },
  );
  logEvent("info", "transfer.checked", { clientRefId: row.clientRefId, outcome: outcome.kind, state: update.state ?? row.state, checks });
  return recorded;
}

const leaseFrom = (now: Date, timeoutMs: number) => new Date(now.getTime() + timeoutMs + 5_000);

/** Checks every transfer and refund due now, a batch at a time; returns how many were checked. */
export async function runDueInquiries(deps: InquiryDeps = {}): Promise<number> {
  const db = deps.db ?? (await getDb());
  const config = deps.config ?? getEkoConfig();
  const now = deps.now ?? (() => new Date());
  let total = 0;
  for (;;) {
    const at = now();
    const claimed = await claimDueTransfers(db, at, leaseFrom(at, config.timeoutMs), BATCH);
    // One trace per check, its Eko call and ledger writes under it.
    await Promise.all(claimed.map((row) => inSpan("inquiry transfer", {}, () => checkTransfer(db, row, { ...deps, config }))));
    total += claimed.length;
    if (claimed.length < BATCH) break;
  }
  return total + (await runDueRefundChecks(db, { ...deps, config }));
}

/**
 * The agent's "Check now": one inquiry at once for their own open transfer, unless one is running or ran in the last
 * few seconds (then the answer is the row as it stands). Null when there is no such open transfer.
 */
export async function checkTransferNow(ref: string, agent: string | null, deps: InquiryDeps = {}): Promise<TransferRow | null> {
  const db = deps.db ?? (await getDb());
  const config = deps.config ?? getEkoConfig();
  const at = (deps.now ?? (() => new Date()))();
  const [claimed] = await claimDueTransfers(db, at, leaseFrom(at, config.timeoutMs), 1, {
    ref,
    agent,
    checkedBefore: new Date(at.getTime() - CHECK_NOW_GAP_MS),
  });
  if (!claimed) return null;
  return (await checkTransfer(db, claimed, { ...deps, config })) ?? claimed;
}

// The process's own worker: every instance runs one; rows are shared out by the claim, so any instance may check any
// transfer, and a restart picks up where the database says.
const TICK_MS = 1_000;
let timer: NodeJS.Timeout | undefined;
let running: Promise<void> | null = null;
let again = false;

function tick(): void {
  if (running) {
    again = true;
    return;
  }
  if (isDraining()) return;
  // Each run's lines share a job id, as a request's share its request id.
  running = withRequestContext({ jobId: `inquiries-${randomUUID()}` }, () => runDueInquiries())
    .then(() => undefined)
    .catch((error: unknown) =>
      logEvent("error", "transfer.inquiries_failed", { error: errorCode(error) ?? (error instanceof Error ? error.name : "unknown") }),
    )
    .finally(() => {
      running = null;
      if (again) {
        again = false;
        tick();
      }
    });
}

/** Checks at once instead of at the next tick: a transfer has just been left open. */
export function kickInquiries(): void {
  if (timer) tick();
}

export function startInquiryWorker(): void {
  if (timer) return;
  timer = setInterval(tick, TICK_MS);
  timer.unref();
  tick();
}

export function stopInquiryWorker(): void {
  if (timer) clearInterval(timer);
  timer = undefined;
}
