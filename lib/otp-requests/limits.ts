import "server-only";
import { and, count, desc, eq, gt, ne, sql, type SQL } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/audit-log";
import type { Db } from "@/lib/db/open";
import { run, statement } from "@/lib/db/statements";
import { otpRequests } from "@/lib/db/schema";
import { recordLimited, recordPending, type PendingRequest } from "./ledger-repository";
import type { LimitSettings } from "./limit-settings";
import type { LimitName, OtpRequestResult } from "./result";

export type LimitedResult = Extract<OtpRequestResult, { status: "limited" }>;

/** What became of a request at the door: a pending row to send, a refusal, or a submission already recorded. */
export type Admission = { kind: "admitted"; createdAt: Date } | { kind: "limited"; result: LimitedResult } | { kind: "duplicate" };

const MINUTE = 60_000;

/** Reasons a request stopped at the desk: nothing reached Eko, so no SMS, so it does not use up a limit. */
export const STOPPED_AT_DESK = ["circuit-open", "shutting-down", "unreachable"] as const;

// Requests that count towards the limits: not refused by a limit, and not stopped before reaching Eko.
const wentTowardsEko = and(
  ne(otpRequests.state, "limited"),
  sql`coalesce(${otpRequests.failureReason}, '') not in (${sql.join(
    STOPPED_AT_DESK.map((reason) => sql`${reason}`),
    sql`, `,
  )})`,
);

type WindowSize = { limit: LimitName; max: number; ms: number; by: "mobile" | "agent" };
type Window = WindowSize & { scope: SQL };
type Exceeded = { limit: LimitName; max: number; count: number; retryAt: Date };

function windowSizes(settings: LimitSettings): WindowSize[] {
  return [
    { limit: "mobile-15m", max: settings.mobilePer15Min, ms: 15 * MINUTE, by: "mobile" },
    { limit: "mobile-24h", max: settings.mobilePer24Hours, ms: 24 * 60 * MINUTE, by: "mobile" },
    { limit: "agent-15m", max: settings.agentPer15Min, ms: 15 * MINUTE, by: "agent" },
  ];
}

function windowsFor(request: PendingRequest, settings: LimitSettings): Window[] {
  const mobile = eq(otpRequests.customerMobileHash, request.customerMobileHash);
  const agent = eq(otpRequests.agent, request.agent);
  return windowSizes(settings).map((size) => ({ ...size, scope: size.by === "mobile" ? mobile : agent }));
}

/**
 * A window is full when it holds `max` requests that went towards Eko. It frees up when the max-th newest of them
 * leaves it: with exactly `max` in the window, that is the oldest.
 */
async function exceeded(db: Db, window: Window, at: Date): Promise<Exceeded | null> {
  const counted = and(window.scope, gt(otpRequests.createdAt, new Date(at.getTime() - window.ms)), wentTowardsEko);
  const newest = await db
    .select({ createdAt: otpRequests.createdAt })
    .from(otpRequests)
    .where(counted)
    .orderBy(desc(otpRequests.createdAt))
    .limit(window.max);
  const freesUp = newest[window.max - 1];
  if (!freesUp) return null;
  const [total] = await db.select({ n: count() }).from(otpRequests).where(counted);
  return { limit: window.limit, max: window.max, count: total?.n ?? window.max, retryAt: new Date(freesUp.createdAt.getTime() + window.ms) };
}

/** Of the full windows, the one that frees up last: only then may the agent try again. */
async function latestExceeded(db: Db, request: PendingRequest, settings: LimitSettings, at: Date): Promise<Exceeded | null> {
  let worst: Exceeded | null = null;
  for (const window of windowsFor(request, settings)) {
    const found = await exceeded(db, window, at);
    if (found && (!worst || found.retryAt > worst.retryAt)) worst = found;
  }
  return worst;
}

// Sent straight to the driver (lib/db/statements.ts): these run on every OTP request. Arrays go as PostgreSQL array
// literals, which both drivers pass through as text.
const ADMIT = statement(
  "admit_otp_request",
  `select desk_admit_otp_request($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::timestamptz,
     $13::timestamptz[], $14::integer[], $15::timestamptz[], $16::integer[], $17::text[]) as outcome`,
);
const arrayLiteral = (values: readonly (string | number)[]) => `{${values.map((v) => `"${v}"`).join(",")}}`;

/** The windows as the admission function takes them: starts and sizes per customer, then per agent, then what does not count. */
function windowArgs(settings: LimitSettings, at: Date): string[] {
  const sizes = windowSizes(settings);
  const since = (by: WindowSize["by"]) => arrayLiteral(sizes.filter((w) => w.by === by).map((w) => new Date(at.getTime() - w.ms).toISOString()));
  const max = (by: WindowSize["by"]) => arrayLiteral(sizes.filter((w) => w.by === by).map((w) => w.max));
  return [since("mobile"), max("mobile"), since("agent"), max("agent"), arrayLiteral([...STOPPED_AT_DESK])];
}

/** The request's own columns after whoever is asking, in the order the admission function takes them. */
function requestArgs(request: PendingRequest, at: Date): unknown[] {
  const { customerMobileHash, customerMobileLast4, customerMobileEncrypted, recipientId, beneficiaryId, amount } = request;
  return [customerMobileHash, customerMobileLast4, customerMobileEncrypted, recipientId, beneficiaryId ?? null, amount, at.toISOString()];
}

function admissionOf(outcome: string | undefined, at: Date): Admission | "full" {
  if (outcome === "admitted") return { kind: "admitted", createdAt: at };
  if (outcome === "recorded") return { kind: "duplicate" };
  if (outcome !== "full") throw new Error(`Unexpected admission outcome: ${String(outcome)}`);
  return "full";
}

/**
 * The common case in one round trip (migration 0004, `desk_admit_otp_request`): under the advisory locks, the
 * submission is looked up, the windows checked and the pending row written. Only when a window is full does the
 * request take the longer way, `admitOrRefuse`, which finds the reason and records the refusal.
 */
export async function admitRequest(db: Db, request: PendingRequest, settings: LimitSettings, now: () => Date): Promise<Admission> {
  const at = now();
  const { rows } = await run<{ outcome?: string }>(db, ADMIT, [
    request.clientRefId,
    request.submissionId ?? null,
    request.agent,
    request.agentId ?? null,
    request.userCode,
    ...requestArgs(request, at),
    ...windowArgs(settings, at),
  ]);
  const admission = admissionOf(rows[0]?.outcome, at);
  return admission === "full" ? admitOrRefuse(db, request, settings, now) : admission;
}

/**
 * Counts and inserts in one transaction under advisory locks on the customer's mobile hash and then on the agent
 * (always in that order, so two requests never wait on each other crosswise). Every instance takes the same locks,
 * so no two of them can both see room for one more request. PGlite serialises transactions anyway.
 */
async function admitOrRefuse(db: Db, request: PendingRequest, settings: LimitSettings, now: () => Date): Promise<Admission> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('levin-desk:otp-limit:mobile'), hashtext(${request.customerMobileHash}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('levin-desk:otp-limit:agent'), hashtext(${request.agent}))`);
    const at = now();
    const refusal = await latestExceeded(tx, request, settings, at);
    if (!refusal) {
      const row = await recordPending(tx, { ...request, createdAt: at });
      return row ? { kind: "admitted", createdAt: row.createdAt } : { kind: "duplicate" };
    }
    const result: LimitedResult = {
      status: "limited",
      limit: refusal.limit,
      max: refusal.max,
      retryAt: refusal.retryAt.toISOString(),
      clientRefId: request.clientRefId,
    };
    const row = await recordLimited(tx, { ...request, createdAt: at }, { limit: refusal.limit, result });
    if (!row) return { kind: "duplicate" };
    await recordAudit(tx, {
      actor: request.agent,
      action: "otp.limited",
      target: request.clientRefId,
      detail: { limit: refusal.limit, count: refusal.count, max: refusal.max, retryAt: result.retryAt, customerLast4: request.customerMobileLast4 },
    });
    return { kind: "limited", result };
  });
}
