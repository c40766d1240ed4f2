import { createHash } from "node:crypto";
import { and, count, countDistinct, getTableName, gte, inArray, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db/open";
import * as rollupSchema from "@/lib/db/rollup-schema";
import { otpRequests, transfers } from "@/lib/db/schema";
import { rebuildRollups } from "@/lib/ledger/rebuild-rollups";
import { withoutSecondaryIndexes } from "./bulk-load";
import { defaultDays } from "./ledger-options";
import { transferChunkSql } from "./seed-transfers";

/** Shape of the synthetic ledger (its span in days: ledger-options.ts). */
export const SEED = {
  agents: 200,
  customers: 50_000,
  chunkRows: 250_000,
} as const;

/** What was seeded and how long each step took, in seconds: `rollups` is also what an upgrade onto the rollups costs. */
export type SeedTiming = { rows: number; transfers: number; insert: number; indexes: number; rollups: number; rollupRows: number; analyze: number };

const REJECTIONS = [
  "Insufficient balance in sender wallet",
  "Recipient not registered",
  "Transaction limit exceeded for the month",
  "Invalid recipient details",
  "Customer KYC pending",
  "Duplicate request, please retry after some time",
]
  .map((message) => `'${message}'`)
  .join(", ");

/** The hash the seed gives customer `n`: same text, same SHA-256 as the SQL below. */
export function benchMobileHash(customer: number): string {
  return createHash("sha256").update(`bench-mobile-${customer}`).digest("hex");
}

/** Agent `n` as the seed names it. */
export function benchAgent(agent: number): string {
  return `agent-${String(agent).padStart(3, "0")}`;
}

/**
 * Rows `lo..hi` of `total`, spread evenly (with jitter) over `days` up to `endMs`, so ids and created_at rise together
 * as they do in production. Agents and customers are mildly skewed (u^1.5): a few busy ones, a long tail.
 * State mix: 85% sent, 8% rejected, 4% failed, 3% unknown, and one in 10,000 pending: left stale by a crash, as
 * only a crash leaves an OTP request pending for more than seconds.
 */
function chunkSql(lo: number, hi: number, total: number, endMs: number, days: number): string {
  const spanMs = days * 86_400_000;
  const stepMs = spanMs / total;
  const startSec = (endMs - spanMs) / 1000;
  return `
insert into otp_requests (client_ref_id, agent, user_code, customer_mobile_hash, customer_mobile_last4, customer_mobile_encrypted,
  recipient_id, beneficiary_id, amount, state, otp_ref_id, failure_reason, eko_status, eko_response_status_id,
  eko_response_type_id, eko_message, http_status, latency_ms, created_at, completed_at)
select
  'LB' || lpad(g::text, 12, '0'),
  'agent-' || lpad(a::text, 3, '0'),
  (20110000 + a)::text,
  encode(sha256(('bench-mobile-' || c)::bytea), 'hex'),
  lpad(((c * 7919) % 10000)::text, 4, '0'),
  'v1.' || md5('iv' || c) || '.' || md5('ct' || c),
  1000000 + c,
  case when c % 3 = 0 then 'BEN' || (c % 9973) end,
  amount,
  state,
  case when state = 'sent' then md5('otp' || g) end,
  case state when 'failed' then (array['http', 'unreachable', 'invalid-response', 'auth'])[1 + g % 4]
    when 'unknown' then (array['timeout', 'connection-lost'])[1 + g % 2] end,
  case state when 'sent' then 0 when 'rejected' then 1 end,
  case state when 'sent' then 0 when 'rejected' then 1 end,
  case state when 'sent' then 321 when 'rejected' then (array[302, 317, 319, 347, 350, 544])[1 + m] end,
  case state when 'sent' then 'OTP sent successfully' when 'rejected' then (array[${REJECTIONS}])[1 + m] end,
  case state when 'sent' then 200 when 'rejected' then 200 when 'failed' then (array[502, 504, 500, 403])[1 + g % 4] end,
  latency,
  created_at,
  case when state <> 'pending' then created_at + latency * interval '1 millisecond' end
from (
  select g, a, c, amount, m, state, created_at,
    case when state = 'unknown' then 15000 when state <> 'pending' then 50 + floor(power(l, 2.5) * 2950)::int end as latency
  from (
    select g, a, c, amount, m, l,
      case when r < 0.85 then 'sent' when r < 0.93 then 'rejected' when r < 0.97 then 'failed'
        when r < 0.9999 then 'unknown' else 'pending' end as state,
      to_timestamp(${startSec}) + ((g - 1 + j) * ${stepMs}) * interval '1 millisecond' as created_at
    from (
      select g, random() as r, random() as j, random() as l,
        floor(power(random(), 1.5) * ${SEED.agents})::int as a,
        floor(power(random(), 1.5) * ${SEED.customers})::int as c,
        100 + floor(random() * 24901)::int as amount,
        floor(random() * 6)::int as m
      from generate_series(${lo}, ${hi}) as g
    ) raw
  ) stated
) s`;
}

const rowCount = (result: unknown): number =>
  typeof result === "object" && result !== null && "rowCount" in result && typeof result.rowCount === "number" ? result.rowCount : 0;

/** The ledger tables and every rollup table, which the planner needs statistics of once they are full. */
const analyzedTables = () => [otpRequests, transfers, ...Object.values(rollupSchema).filter((t) => is(t, PgTable))].map((t) => getTableName(t));

/**
 * Inserts `total` OTP requests over `days` days up to `endMs` server-side in batches, with transfers for three in four
 * of those sent; with the ledger's secondary indexes dropped meanwhile and built again after, from the catalog's own
 * definitions. Then rebuilds the rollups from the ledger, as an upgrade does, and runs VACUUM ANALYZE (what autovacuum
 * would have done by now).
 */
export async function seedLedger(
  db: Db,
  total: number,
  endMs: number,
  log: (line: string) => void,
  options: { days?: number } = {},
): Promise<SeedTiming> {
  const days = options.days ?? defaultDays(total);
  const chunkRows = Math.max(SEED.chunkRows, Math.ceil(total / 20 / SEED.chunkRows) * SEED.chunkRows);
  let seededTransfers = 0;
  const inserting = performance.now();
  const indexes = await withoutSecondaryIndexes(db, [getTableName(otpRequests), getTableName(transfers)], log, async () => {
    for (let lo = 1; lo <= total; lo += chunkRows) {
      const hi = Math.min(total, lo + chunkRows - 1);
      const started = performance.now();
      await db.execute(chunkSql(lo, hi, total, endMs, days));
      const made = rowCount(await db.execute(transferChunkSql(lo, hi, endMs)));
      seededTransfers += made;
      const seconds = (performance.now() - started) / 1000;
      log(
        `  rows ${lo.toLocaleString("en-US")}–${hi.toLocaleString("en-US")} (+ ${made.toLocaleString("en-US")} transfers) in ${seconds.toFixed(1)} s`,
      );
    }
  });
  const insert = (performance.now() - inserting) / 1000 - indexes;
  log(`  inserted in ${insert.toFixed(1)} s, indexes and foreign keys restored in ${indexes.toFixed(1)} s`);

  const rebuilding = performance.now();
  const written = await rebuildRollups(db);
  const rollups = (performance.now() - rebuilding) / 1000;
  const rollupRows = Object.values(written).reduce((sum, n) => sum + n, 0);
  log(`  rollups rebuilt from the ledger (the upgrade's cost) in ${rollups.toFixed(1)} s: ${JSON.stringify(written)}`);

  const analyzing = performance.now();
  await db.execute(`vacuum analyze ${analyzedTables().join(", ")}`);
  const analyze = (performance.now() - analyzing) / 1000;
  log(`  vacuum analyze in ${analyze.toFixed(1)} s`);
  return { rows: total, transfers: seededTransfers, insert, indexes, rollups, rollupRows, analyze };
}

/** One line on what was seeded, to check the mix is the intended one. */
export async function describeSeed(db: Db): Promise<string> {
  const t = otpRequests;
  const [spread] = await db
    .select({
      rows: count(),
      agents: countDistinct(t.agent),
      customers: countDistinct(t.customerMobileHash),
      first: sql<string>`min(${t.createdAt})::text`,
      last: sql<string>`max(${t.createdAt})::text`,
    })
    .from(t);
  const states = await db
    .select({ state: t.state, n: count() })
    .from(t)
    .groupBy(t.state)
    .orderBy(sql`2 desc`);
  const total = spread?.rows ?? 0;
  const mix = states.map((s) => `${s.state} ${((100 * s.n) / Math.max(total, 1)).toFixed(1)}%`).join(", ");
  return `${total.toLocaleString("en-US")} rows, ${spread?.agents} agents, ${spread?.customers?.toLocaleString("en-US")} customers, ${spread?.first} → ${spread?.last}; ${mix}`;
}

/**
 * A quiet spell: Eko timeouts come in bursts, so in a healthy week the newest `unknown` (or stale `pending`) row can be
 * days old. Resolves those of the last `days` days as sent; returns how many. Run after the uniform-mix cases.
 */
export async function quietPeriod(db: Db, endMs: number, days: number): Promise<number> {
  const t = otpRequests;
  const resolved = await db
    .update(t)
    .set({ state: "sent", failureReason: null })
    .where(and(inArray(t.state, ["unknown", "pending"]), gte(t.createdAt, new Date(endMs - days * 86_400_000))))
    .returning({ id: t.id });
  await db.execute("vacuum analyze otp_requests");
  return resolved.length;
}
