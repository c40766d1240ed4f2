import "server-only";
import { and, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { ALL_AGENTS, otpFlaggedCustomers, otpLatencyRollups, otpRejectionRollups, otpRequestRollups, otpRequests } from "@/lib/db/schema";
import { newestDays } from "@/lib/ledger/india-time";
import { percentileOf } from "@/lib/ledger/latency-histogram";
import { spanWhere } from "@/lib/ledger/rollup-spans";
import { lastWrittenSql, newestIdSql, versionOf } from "@/lib/ledger/versions";
import { MASK } from "@/lib/privacy/mask";
import { dayRange, LEDGER_SUMMARY_DAYS, type ReviewSummary, type UrlFilters } from "./review-filters";
import { summarizeLedger } from "./review-ledger-summary";
import type { ReviewQuery } from "./review-repository";

/**
 * Count, share sent, latency p50/p95, top rejections and customers with 3+ requests within 15 minutes. From the
 * rollups, at a cost that does not grow with the ledger; an exact mobile or an amount range needs the rows themselves,
 * so those read the ledger (a mobile through its index; an amount range over at most LEDGER_SUMMARY_DAYS days).
 */
export async function summarizeRequests(db: Db, query: ReviewQuery, now = new Date()): Promise<ReviewSummary> {
  const version = await summaryVersion(db, query.staleBefore);
  return { ...(await summarize(db, query, now)), version };
}

/**
 * A fingerprint of everything a summary counts: the rollups' latest write, the newest ledger row, and how many pending
 * rows have gone stale. Read through indexes, so a poll that finds nothing new costs one cheap statement.
 */
export async function summaryVersion(db: Db, staleBefore: Date): Promise<string> {
  const [row] = await db
    .select({
      written: lastWrittenSql(otpRequestRollups.updatedAt, otpRequestRollups),
      newest: newestIdSql(otpRequests.id, otpRequests),
      stale: sql<string>`(select count(*)::text from ${otpRequests} where ${otpRequests.state} = 'pending' and ${otpRequests.createdAt} < ${staleBefore})`,
    })
    .from(sql`(select 1) one`);
  return versionOf([row?.written, row?.newest, row?.stale]);
}

async function summarize(db: Db, query: ReviewQuery, now: Date): Promise<Omit<ReviewSummary, "version">> {
  const { filters } = query;
  if (query.mobileHash)
    return { ...(await summarizeLedger(db, query)), source: { kind: "ledger", from: filters.from ?? null, to: filters.to ?? null, bounded: false } };
  if (filters.min !== undefined || filters.max !== undefined) {
    const { from, to, bounded } = newestDays(filters, LEDGER_SUMMARY_DAYS, now);
    const summary = await summarizeLedger(db, { ...query, filters: { ...filters, from, to } });
    return { ...summary, source: { kind: "ledger", from, to, bounded } };
  }
  return summarizeRollups(db, query);
}

type StateChoice = { rollup: string[] | "all"; freshPending: boolean; stalePending: boolean };

/** Which rollup states and which still-pending rows an outcome filter takes (pending reads `unknown` once stale). */
function statesFor(outcome: UrlFilters["outcome"]): StateChoice {
  if (!outcome) return { rollup: "all", freshPending: true, stalePending: true };
  if (outcome === "pending") return { rollup: [], freshPending: true, stalePending: false };
  if (outcome === "unknown") return { rollup: ["unknown"], freshPending: false, stalePending: true };
  return { rollup: [outcome], freshPending: false, stalePending: false };
}

async function summarizeRollups(db: Db, { filters, staleBefore }: ReviewQuery): Promise<Omit<ReviewSummary, "version">> {
  const agent = filters.agent ?? ALL_AGENTS;
  const states = statesFor(filters.outcome);
  // Whole months from the month rows, the days around them from the day rows.
  const days = (table: typeof otpRequestRollups | typeof otpLatencyRollups | typeof otpRejectionRollups | typeof otpFlaggedCustomers) =>
    and(
      eq(table.agent, agent),
      spanWhere({ span: table.span, key: table.day, fine: "day" }, filters, (day) => day),
    );
  const stateIn = (column: typeof otpRequestRollups.state | typeof otpLatencyRollups.state): SQL | undefined =>
    states.rollup === "all" ? undefined : states.rollup.length > 0 ? inArray(column, states.rollup) : sql`false`;

  const r = otpRequestRollups;
  const [totals] = await db
    .select({
      count: sql<number>`coalesce(sum(${r.requests}), 0)::int`,
      sent: sql<number>`coalesce(sum(${r.requests}) filter (where ${r.state} = 'sent'), 0)::int`,
    })
    .from(r)
    .where(and(days(r), stateIn(r.state)));
  const pending = states.freshPending || states.stalePending ? await countPending(db, filters, staleBefore) : { fresh: 0, stale: 0 };
  const l = otpLatencyRollups;
  const latencies = await db
    .select({ bucket: l.bucket, requests: sql<number>`sum(${l.requests})::int` })
    .from(l)
    .where(and(days(l), stateIn(l.state)))
    .groupBy(l.bucket);
  const j = otpRejectionRollups;
  const topRejections =
    states.rollup === "all" || states.rollup.includes("rejected")
      ? await db
          .select({ message: j.message, status: j.ekoStatus, count: sql<number>`sum(${j.requests})::int` })
          .from(j)
          .where(days(j))
          .groupBy(j.message, j.ekoStatus)
          .orderBy(sql`3 desc`, j.message)
          .limit(5)
      : [];
  const f = otpFlaggedCustomers;
  const flagged = await db
    .select({
      last4: sql<string>`max(${f.customerMobileLast4})`,
      requests: sql<number>`max(${f.requests})::int`,
      lastAt: sql<Date>`max(${f.lastAt})`,
    })
    .from(f)
    .where(days(f))
    .groupBy(f.customerMobileHash)
    .orderBy(sql`2 desc`, sql`3 desc`)
    .limit(20);

  const histogram = new Map(latencies.map((b) => [b.bucket, b.requests]));
  const round = (value: number | null) => (value === null ? null : Math.round(value));
  return {
    count: (totals?.count ?? 0) + (states.freshPending ? pending.fresh : 0) + (states.stalePending ? pending.stale : 0),
    sent: totals?.sent ?? 0,
    p50LatencyMs: round(percentileOf(histogram, 0.5)),
    p95LatencyMs: round(percentileOf(histogram, 0.95)),
    topRejections,
    flaggedCustomers: flagged.map((row) => ({
      customerMobileMasked: `${MASK}${row.last4}`,
      requests: row.requests,
      lastAt: new Date(row.lastAt).toISOString(),
    })),
    source: { kind: "rollups" },
  };
}

/** Rows still pending (not yet in the rollups), split at `staleBefore`: read through their small partial index. */
async function countPending(db: Db, filters: UrlFilters, staleBefore: Date): Promise<{ fresh: number; stale: number }> {
  const t = otpRequests;
  const { start, end } = dayRange(filters);
  const [row] = await db
    .select({
      fresh: sql<number>`(count(*) filter (where ${t.createdAt} >= ${staleBefore}))::int`,
      stale: sql<number>`(count(*) filter (where ${t.createdAt} < ${staleBefore}))::int`,
    })
    .from(t)
    .where(
      and(
        eq(t.state, "pending"),
        filters.agent ? eq(t.agent, filters.agent) : undefined,
        start ? gte(t.createdAt, start) : undefined,
        end ? lt(t.createdAt, end) : undefined,
      ),
    );
  return { fresh: row?.fresh ?? 0, stale: row?.stale ?? 0 };
}
