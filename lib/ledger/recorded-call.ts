import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/open";
import { ekoCalls, type EkoCallRow, type EkoCallState } from "@/lib/db/schema";
import { getEkoBreaker } from "@/lib/eko/breaker-settings";
import type { CircuitBreaker } from "@/lib/eko/circuit-breaker";
import { newClientRefId } from "@/lib/eko/client-ref-id";
import { getEkoConfig, type EkoConfig } from "@/lib/eko/config";
import type { EkoOperation, EkoOutcome } from "@/lib/eko/operation";
import { callEko, type TransportDeps } from "@/lib/eko/transport";
import { errorCode } from "@/lib/error-code";
import { logEvent } from "@/lib/log";
import { countEkoCall } from "@/lib/observability/metrics";
import { inDbSpan } from "@/lib/observability/tracing";
import { maskMobile } from "@/lib/privacy/mask";
import { getMobileVault, type MobileVault } from "@/lib/privacy/mobile-vault";
import { isDraining, trackInFlight } from "@/lib/startup/graceful-shutdown";
import { answerColumnsOf, type AnswerColumns } from "./answer-columns";

/** Who makes the call, and for which customer (kept as a keyed hash and the last four digits only). */
export type CallContext = {
  actor: { agent: string; agentId: string | null; userCode: string };
  customerMobile?: string;
  /** The call's reference: the `client_ref_id` the operation sends, when it sends one; else the ledger makes one. */
  clientRefId?: string;
  /** The business row the call is about, when the call is not that row's own (a transfer's inquiries). */
  aboutRefId?: string;
  /** For a call that adds or texts something: the form submission it answers, recorded once (see `Repeated`). */
  submissionId?: string;
};

/** The submission is already recorded: its first call is (or was) the one, and this arrival calls nothing. */
export type Repeated = { kind: "repeated"; firstClientRefId: string; clientRefId: string; latencyMs: 0 };

/** Nothing reached Eko: the ledger could not be written, the breaker is open, or the server is stopping. */
export type NotSent = { kind: "not-sent"; reason: "ledger-unavailable" | "circuit-open" | "shutting-down"; retryAt: string | null };

export type RecordedOutcome<Data> = (EkoOutcome<Data> | NotSent) & { clientRefId: string; latencyMs: number };

export type RecordedCallDeps = {
  db: Db;
  config: EkoConfig;
  vault: MobileVault;
  breaker: CircuitBreaker;
  draining: () => boolean;
  now: () => Date;
  fetch: TransportDeps["fetch"];
};

const errorCodeOf = (error: unknown): string => errorCode(error) ?? (error instanceof Error ? error.name : "unknown");

/**
 * Any Eko operation, the one way: a ledger row first (if it cannot be written, Eko is not called), then one call
 * through the breaker and the transport, then the row completed with Eko's codes. The call counts as in flight until
 * its row is complete, so a graceful shutdown waits for it. Never throws for a fault of Eko's or the ledger's.
 */
export function recordedCall<Input, Data>(
  operation: EkoOperation<Input, Data>,
  input: Input,
  context: CallContext & { submissionId: string },
  deps?: Partial<RecordedCallDeps>,
): Promise<RecordedOutcome<Data> | Repeated>;
export function recordedCall<Input, Data>(
  operation: EkoOperation<Input, Data>,
  input: Input,
  context: CallContext & { submissionId?: undefined },
  deps?: Partial<RecordedCallDeps>,
): Promise<RecordedOutcome<Data>>;
export async function recordedCall<Input, Data>(
  operation: EkoOperation<Input, Data>,
  input: Input,
  context: CallContext,
  deps: Partial<RecordedCallDeps> = {},
): Promise<RecordedOutcome<Data> | Repeated> {
  const now = deps.now ?? (() => new Date());
  const clientRefId = context.clientRefId ?? newClientRefId(now().getTime());
  const customer = context.customerMobile ? maskMobile(context.customerMobile) : undefined;
  let db: Db;
  try {
    db = deps.db ?? (await getDb());
    const protectedMobile = context.customerMobile ? (deps.vault ?? getMobileVault()).protect(context.customerMobile) : null;
    const inserted = await inDbSpan("ledger.record-call", () =>
      db
        .insert(ekoCalls)
        .values({
          clientRefId,
          operation: operation.name,
          movesMoney: operation.movesMoney,
          ...context.actor,
          customerMobileHash: protectedMobile?.customerMobileHash ?? null,
          customerMobileLast4: protectedMobile?.customerMobileLast4 ?? null,
          aboutRefId: context.aboutRefId ?? null,
          submissionId: context.submissionId ?? null,
          createdAt: now(),
        })
        .onConflictDoNothing({ target: ekoCalls.submissionId })
        .returning({ id: ekoCalls.id }),
    );
    if (inserted.length === 0) {
      const [first] = await db
        .select({ clientRefId: ekoCalls.clientRefId })
        .from(ekoCalls)
        .where(eq(ekoCalls.submissionId, context.submissionId ?? ""));
      if (!first) throw new Error("The call's submission is taken but no row holds it");
      return { kind: "repeated", firstClientRefId: first.clientRefId, clientRefId, latencyMs: 0 };
    }
  } catch (error) {
    logEvent("error", "ledger.write_failed", { operation: operation.name, clientRefId, customer, stage: "pending", error: errorCodeOf(error) });
    countEkoCall(operation.name, { kind: "not-sent", reason: "ledger-unavailable" }, null);
    return { kind: "not-sent", reason: "ledger-unavailable", retryAt: null, clientRefId, latencyMs: 0 };
  }
  return trackInFlight(
    sendGuarded(operation, input, { ...context, clientRefId }, deps).then(async (outcome) => {
      const answer = outcome.kind === "not-sent" ? { failureReason: outcome.reason, latencyMs: 0 } : answerColumnsOf(outcome, outcome.latencyMs);
      await complete(db, clientRefId, outcome.kind, answer, operation.name);
      return outcome;
    }),
  );
}

/**
 * One call through the breaker and the transport, logged, for a call whose ledger row the caller has written (and
 * completes): Eko is not called while the breaker is open or the server is stopping. Never throws for Eko's faults.
 */
export async function sendGuarded<Input, Data>(
  operation: EkoOperation<Input, Data>,
  input: Input,
  context: CallContext & { clientRefId: string },
  deps: Partial<RecordedCallDeps> = {},
): Promise<RecordedOutcome<Data>> {
  const { clientRefId } = context;
  const breaker = deps.breaker ?? getEkoBreaker();
  const admission = (deps.draining ?? isDraining)() ? null : breaker.admit();
  if (admission?.kind !== "call") {
    const retryAt = admission ? new Date(admission.retryAt).toISOString() : null;
    countEkoCall(operation.name, { kind: "not-sent", reason: admission ? "circuit-open" : "shutting-down" }, null);
    return { kind: "not-sent", reason: admission ? "circuit-open" : "shutting-down", retryAt, clientRefId, latencyMs: 0 };
  }
  const started = performance.now();
  const config = deps.config ?? getEkoConfig();
  let outcome: EkoOutcome<Data>;
  try {
    outcome = await callEko(operation, input, { config, userCode: context.actor.userCode, fetch: deps.fetch });
  } catch (error) {
    breaker.abandon(admission);
    throw error;
  }
  breaker.record(admission, outcome);
  const latencyMs = Math.round(performance.now() - started);
  const answer = answerColumnsOf(outcome, latencyMs);
  logEvent(outcome.kind === "ok" ? "info" : "warn", "eko.call", {
    operation: operation.name,
    clientRefId,
    agent: context.actor.agent,
    outcome: outcome.kind,
    reason: answer.failureReason ?? undefined,
    httpStatus: answer.httpStatus ?? undefined,
    ekoStatus: answer.ekoStatus ?? undefined,
    ekoResponseTypeId: answer.ekoResponseTypeId ?? undefined,
    customer: context.customerMobile ? maskMobile(context.customerMobile) : undefined,
    latencyMs,
  });
  return { ...outcome, clientRefId, latencyMs };
}

/** What the agent was shown for a call made once per submission, so a repeat of that submission is shown the same. */
export async function saveCallResult(db: Db, clientRefId: string, result: unknown): Promise<void> {
  await db.update(ekoCalls).set({ result }).where(eq(ekoCalls.clientRefId, clientRefId));
}

/** A call's ledger row, read again (a repeated submission waits on it). */
export async function findCall(db: Db, clientRefId: string): Promise<EkoCallRow | undefined> {
  const [row] = await db.select().from(ekoCalls).where(eq(ekoCalls.clientRefId, clientRefId)).limit(1);
  return row;
}

/** Completes the row once; a row already completed is never overwritten. A failed write leaves it pending. */
async function complete(
  db: Db,
  clientRefId: string,
  state: Exclude<EkoCallState, "pending">,
  answer: Partial<AnswerColumns>,
  operation: string,
): Promise<void> {
  try {
    await inDbSpan("ledger.complete-call", () =>
      db
        .update(ekoCalls)
        .set({ state, ...answer, completedAt: new Date() })
        .where(and(eq(ekoCalls.clientRefId, clientRefId), eq(ekoCalls.state, "pending"))),
    );
  } catch (error) {
    logEvent("error", "ledger.write_failed", { operation, clientRefId, stage: "outcome", error: errorCodeOf(error) });
  }
}
