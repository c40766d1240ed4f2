import "server-only";
import { and, count, desc, eq, gt, ne, sql, type SQL } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/audit-log";
import type { Db, Queryable, Tx } from "@/lib/db/open";
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

/**
 * Checks the limits and records the request in one transaction, under advisory locks on the customer's mobile hash and
 * then on the agent (always in that order, so two requests never wait on each other crosswise). Every instance takes
 * the same locks, so no two of them can both see room for one more request. PGlite serialises transactions anyway.
 * The common case is one count over the windows; only a full window looks further, for the reason and the retry time.
 */
export async function admitRequest(db: Db, request: PendingRequest, settings: LimitSettings, now: () => Date): Promise<Admission> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('levin-desk:otp-limit:mobile'), hashtext(${request.customerMobileHash}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('levin-desk:otp-limit:agent'), hashtext(${request.agent}))`);
    const at = now();
    if (!(await anyWindowFull(tx, request, settings, at))) {
      const row = await recordPending(tx, { ...request, createdAt: at });
      return row ? { kind: "admitted", createdAt: row.createdAt } : { kind: "duplicate" };
    }
    return refuse(tx, request, settings, at);
  });
}

/** Every window counted in one statement: the requests that went towards Eko in each, against its maximum. */
async function anyWindowFull(db: Queryable, request: PendingRequest, settings: LimitSettings, at: Date): Promise<boolean> {
  const windows = windowsFor(request, settings);
  const longest = Math.max(...windows.map((w) => w.ms));
  const columns = Object.fromEntries(
    windows.map((w) => [
      w.limit,
      sql<number>`count(*) filter (where ${w.scope} and ${otpRequests.createdAt} > ${new Date(at.getTime() - w.ms)})`.mapWith(Number),
    ]),
  );
  const [counts] = await db
    .select(columns)
    .from(otpRequests)
    .where(
      and(
        sql`(${otpRequests.customerMobileHash} = ${request.customerMobileHash} or ${otpRequests.agent} = ${request.agent})`,
        gt(otpRequests.createdAt, new Date(at.getTime() - longest)),
        wentTowardsEko,
      ),
    );
  return windows.some((w) => Number(counts?.[w.limit] ?? 0) >= w.max);
}

/** A full window: the refusal recorded in the ledger and the audit trail, with when the agent may try again. */
async function refuse(tx: Tx, request: PendingRequest, settings: LimitSettings, at: Date): Promise<Admission> {
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
}
