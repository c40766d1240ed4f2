import "server-only";
import { and, count, eq, getTableColumns, getTableName, gt, ne, notExists, sql, type SQL } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/audit-log";
import { runsOneStatementAtATime, type Db, type Queryable, type Tx } from "@/lib/db/open";
import { otpRequests } from "@/lib/db/schema";
import { runTransaction } from "@/lib/db/transaction";
import { inDbSpan } from "@/lib/observability/tracing";
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

export type WindowSize = { limit: LimitName; max: number; ms: number; by: "mobile" | "agent" };
type Window = WindowSize & { scope: SQL };
type Exceeded = { limit: LimitName; max: number; count: number; retryAt: Date };

/** The windows every SMS to a customer counts in (transaction OTPs here; sender verifications in lib/customers). */
export function windowSizes(settings: LimitSettings): WindowSize[] {
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
 * Of the full windows, the one that frees up last: only then may the agent try again. All windows in one statement:
 * for each, the max-th newest request that went towards Eko (a window is full when it has one; it frees up when that
 * request leaves it).
 */
async function latestExceeded(tx: Tx, request: PendingRequest, settings: LimitSettings, at: Date): Promise<Exceeded | null> {
  const windows = windowsFor(request, settings);
  const counted = (window: Window) => and(window.scope, gt(otpRequests.createdAt, new Date(at.getTime() - window.ms)), wentTowardsEko);
  const freesUp = windows.map(
    (window, i) =>
      sql`(select (extract(epoch from ${otpRequests.createdAt}) * 1000)::float8 from ${otpRequests} where ${counted(window)}
           order by ${otpRequests.createdAt} desc offset ${window.max - 1} limit 1) as ${sql.identifier(`w${i}`)}`,
  );
  const { rows } = await tx.execute<Record<string, number | null>>(sql`select ${sql.join(freesUp, sql`, `)}`);
  let worst: { window: Window; retryAt: Date } | null = null;
  windows.forEach((window, i) => {
    const oldest = rows[0]?.[`w${i}`];
    if (oldest == null) return;
    const retryAt = new Date(oldest + window.ms);
    if (!worst || retryAt > worst.retryAt) worst = { window, retryAt };
  });
  if (!worst) return null;
  const { window, retryAt } = worst as { window: Window; retryAt: Date };
  const [total] = await tx.select({ n: count() }).from(otpRequests).where(counted(window));
  return { limit: window.limit, max: window.max, count: total?.n ?? window.max, retryAt };
}

// Prepared once under one name, so the database plans it once; the request's columns and each window are placeholders.
const WINDOW_NAMES = ["w0", "w1", "w2"] as const;
const ROW_COLUMNS = getTableColumns(otpRequests);
type RowKey = keyof typeof ROW_COLUMNS;

function prepareAdmission(q: Queryable) {
  const windows = windowSizes({ mobilePer15Min: 1, mobilePer24Hours: 1, agentPer15Min: 1 });
  if (windows.length !== WINDOW_NAMES.length) throw new Error("The admission statement needs one placeholder set per window");
  const scope = {
    mobile: eq(otpRequests.customerMobileHash, sql.placeholder("customerMobileHash")),
    agent: eq(otpRequests.agent, sql.placeholder("agent")),
  };
  // One column each, in the table's order: the request's values typed as their columns, and a fresh id.
  const row = Object.fromEntries(
    (Object.entries(ROW_COLUMNS) as [RowKey, (typeof ROW_COLUMNS)[RowKey]][]).map(([key, column]) => [
      key,
      key === "id"
        ? sql`nextval(pg_get_serial_sequence(${getTableName(otpRequests)}, ${column.name}))`
        : sql`${sql.placeholder(key)}::${sql.raw(column.getSQLType())}`,
    ]),
  );
  const roomInEvery = windows.map((window, i) =>
    notExists(
      q
        .select({ one: sql`1` })
        .from(otpRequests)
        .where(and(scope[window.by], gt(otpRequests.createdAt, sql`${sql.placeholder(`${WINDOW_NAMES[i]}Since`)}::timestamptz`), wentTowardsEko))
        .orderBy(sql`${otpRequests.createdAt} desc`)
        .offset(sql.placeholder(`${WINDOW_NAMES[i]}Skip`))
        .limit(1),
    ),
  );
  return q
    .insert(otpRequests)
    .select(sql`select ${sql.join(Object.values(row), sql`, `)} where ${and(...roomInEvery)}`)
    .onConflictDoNothing({ target: otpRequests.submissionId })
    .returning({ id: otpRequests.id })
    .prepare("admit_otp_request");
}

const prepared = new WeakMap<Queryable, ReturnType<typeof prepareAdmission>>();

/**
 * The pending row, written only if every window has room, in one statement: exact when the locks are held, or on a
 * database that runs one statement at a time. Null when a window is full or the submission is already recorded.
 */
async function insertIfRoom(q: Queryable, request: PendingRequest, settings: LimitSettings, at: Date): Promise<Date | null> {
  let statement = prepared.get(q);
  if (!statement) prepared.set(q, (statement = prepareAdmission(q)));
  const values: Record<string, unknown> = Object.fromEntries(Object.keys(ROW_COLUMNS).map((key) => [key, null]));
  Object.assign(values, { ...request, state: "pending", createdAt: at.toISOString() });
  windowSizes(settings).forEach((window, i) => {
    values[`${WINDOW_NAMES[i]}Since`] = new Date(at.getTime() - window.ms).toISOString();
    values[`${WINDOW_NAMES[i]}Skip`] = window.max - 1;
  });
  delete values.id;
  const rows = await statement.execute(values);
  return rows.length > 0 ? at : null;
}

const lockWindows = (tx: Tx, request: PendingRequest) =>
  tx.execute(
    sql`select pg_advisory_xact_lock(hashtext('levin-desk:otp-limit:mobile'), hashtext(${request.customerMobileHash})),
               pg_advisory_xact_lock(hashtext('levin-desk:otp-limit:agent'), hashtext(${request.agent}))`,
  );

/**
 * On PostgreSQL the statement runs after advisory locks (mobile, then agent: never crosswise), so no two instances see
 * room for the same last request; the embedded database runs one statement at a time, which guarantees the same.
 * Only a full window or a repeated submission takes the longer way, which finds and records the reason.
 */
export async function admitRequest(db: Db, request: PendingRequest, settings: LimitSettings, now: () => Date): Promise<Admission> {
  const at = now();
  const inserted = runsOneStatementAtATime(db)
    ? await inDbSpan("otp-admission", () => insertIfRoom(db, request, settings, at))
    : await runTransaction(db, "otp-admission", async (tx) => {
        await lockWindows(tx, request);
        return insertIfRoom(tx, request, settings, at);
      });
  return inserted ? { kind: "admitted", createdAt: inserted } : admitOrRefuse(db, request, settings, now);
}

/** Under the same locks: the submission already recorded, or the window that frees up last and its refusal recorded. */
async function admitOrRefuse(db: Db, request: PendingRequest, settings: LimitSettings, now: () => Date): Promise<Admission> {
  return runTransaction(db, "otp-limit-refusal", async (tx) => {
    await lockWindows(tx, request);
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
