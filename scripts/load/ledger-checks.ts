import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { STOPPED_AT_DESK } from "@/lib/otp-requests/limits";

export type Limits = { mobile15m: number; mobile24h: number; agent15m: number };
export type CheckResult = { name: string; ok: boolean; detail: string };

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * After a load run: every submission the load sent is in the ledger exactly once, none is left pending, and no
 * limit was ever exceeded, nor applied before it was reached.
 */
export async function checkLedger(db: Db, submissionIds: string[], limits: Limits): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const recorded = await rows<{ submission_id: string; n: number }>(
    db,
    sql`select submission_id, count(*)::int as n from otp_requests where submission_id is not null group by 1`,
  );
  const counts = new Map(recorded.map((r) => [r.submission_id, r.n]));
  const missing = submissionIds.filter((id) => !counts.has(id)).length;
  const doubled = [...counts.values()].filter((n) => n > 1).length;
  results.push({ name: "every submission recorded exactly once", ok: missing === 0 && doubled === 0, detail: `${submissionIds.length} sent, ${missing} missing, ${doubled} recorded twice` });

  const [pending] = await rows<{ n: number }>(db, sql`select count(*)::int as n from otp_requests where state = 'pending'`);
  results.push({ name: "none left pending", ok: (pending?.n ?? 0) === 0, detail: `${pending?.n ?? 0} pending` });

  // For every request that went towards Eko: how many did in the window ending at it (itself included)?
  // Counted as the desk counts: neither limited nor stopped before reaching Eko (circuit open, shutting down, unreachable).
  const counted = sql.raw(`state <> 'limited' and coalesce(failure_reason, '') not in (${STOPPED_AT_DESK.map((r) => `'${r}'`).join(", ")})`);
  const windowed = sql`
    select state, failure_reason, ${counted} as counted,
      count(*) filter (where ${counted}) over (partition by customer_mobile_hash order by created_at range between interval '15 minutes' preceding and current row) as m15,
      count(*) filter (where ${counted}) over (partition by customer_mobile_hash order by created_at range between interval '24 hours' preceding and current row) as m24,
      count(*) filter (where ${counted}) over (partition by agent order by created_at range between interval '15 minutes' preceding and current row) as a15
    from otp_requests`;
  const [over] = await rows<{ m15: number; m24: number; a15: number }>(
    db,
    sql`select coalesce(max(m15) filter (where counted), 0)::int as m15, coalesce(max(m24) filter (where counted), 0)::int as m24,
          coalesce(max(a15) filter (where counted), 0)::int as a15 from (${windowed}) w`,
  );
  results.push({
    name: "no limit exceeded",
    ok: (over?.m15 ?? 0) <= limits.mobile15m && (over?.m24 ?? 0) <= limits.mobile24h && (over?.a15 ?? 0) <= limits.agent15m,
    detail: `peaks: mobile ${over?.m15}/15 min (max ${limits.mobile15m}), ${over?.m24}/24 h (max ${limits.mobile24h}), agent ${over?.a15}/15 min (max ${limits.agent15m})`,
  });

  const [early] = await rows<{ n: number; total: number }>(
    db,
    sql`select count(*) filter (where (failure_reason = 'mobile-15m' and m15 < ${limits.mobile15m}) or (failure_reason = 'mobile-24h' and m24 < ${limits.mobile24h})
          or (failure_reason = 'agent-15m' and a15 < ${limits.agent15m}))::int as n, count(*)::int as total from (${windowed}) w where state = 'limited'`,
  );
  results.push({ name: "no request limited before its limit was reached", ok: (early?.n ?? 0) === 0, detail: `${early?.total ?? 0} limited, ${early?.n ?? 0} too early` });
  return results;
}
