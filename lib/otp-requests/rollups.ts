import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db, Queryable } from "@/lib/db/open";
import { ALL_AGENTS, otpFlaggedCustomers, otpLatencyRollups, otpRejectionRollups, otpRequestRollups, otpRequests } from "@/lib/db/schema";
import { runTransaction } from "@/lib/db/transaction";
import { istDaySql } from "@/lib/ledger/india-time";
import { bucketSql } from "@/lib/ledger/latency-histogram";
import { monthOfDaySql } from "@/lib/ledger/rollup-spans";

/** A customer with this many requests within this window is flagged to supervisors. */
export const FLAG_THRESHOLD = 3;
export const FLAG_WINDOW_MINUTES = 15;
/** How a refusal without Eko's message is listed. */
export const NO_MESSAGE = "(no message)";

const flagWindow = sql.raw(`interval '${FLAG_WINDOW_MINUTES} minutes'`);

/**
 * The columns a ledger write returns (RETURNING, as the CTE named `done`) for the rollups to count: each completed
 * OTP request, or one refused under a limit, once.
 */
export const COUNTED_COLUMNS = [
  "clientRefId",
  "createdAt",
  "agent",
  "state",
  "amount",
  "latencyMs",
  "ekoStatus",
  "ekoMessage",
  "customerMobileHash",
  "customerMobileLast4",
] as const;

export const countedReturning = () => Object.fromEntries(COUNTED_COLUMNS.map((key) => [key, otpRequests[key]])) as CountedSelection;
type CountedSelection = { [K in (typeof COUNTED_COLUMNS)[number]]: (typeof otpRequests)[K] };

const col = (key: (typeof COUNTED_COLUMNS)[number]) => sql.identifier(otpRequests[key].name);

/** Both spans a row of India day `day` counts under: its day and its month. */
const spansOf = (day: SQL) => sql`(values ('day', ${day}), ('month', ${monthOfDaySql(day)})) as span(span, day)`;

/** Each counted row four times: under its agent and under ALL_AGENTS, for its day and for its month. */
const scoped = (from: SQL) => sql`(select span.span, span.day, scope.rollup_agent, d.*
  from ${from} d cross join lateral (values (d.${col("agent")}), (${ALL_AGENTS})) as scope(rollup_agent)
  cross join lateral ${spansOf(istDaySql(sql`d.${col("createdAt")}`))}) s`;

/**
 * The rollup upserts, as data-modifying CTEs over the ledger write named `done`: one statement with the write itself,
 * so a row is counted exactly when it is written, on either database. Keys go in sorted order, so two writers lock
 * rollup rows in the same order.
 */
export function rollupCtes(db: Queryable) {
  const done = sql`done`;
  const s = scoped(done);
  const counts = sql`insert into ${otpRequestRollups} (agent, span, day, state, requests, amount)
    select s.rollup_agent, s.span, s.day, s.${col("state")}, count(*), sum(s.${col("amount")}) from ${s} group by 1, 2, 3, 4 order by 1, 2, 3, 4
    on conflict (agent, span, day, state) do update set requests = ${otpRequestRollups}.requests + excluded.requests,
      amount = ${otpRequestRollups}.amount + excluded.amount, updated_at = now()
    returning 1 as n`;
  const latencies = sql`insert into ${otpLatencyRollups} (agent, span, day, state, bucket, requests)
    select s.rollup_agent, s.span, s.day, s.${col("state")}, ${bucketSql(sql`s.${col("latencyMs")}`)}, count(*) from ${s}
    where s.${col("latencyMs")} is not null group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
    on conflict (agent, span, day, state, bucket) do update set requests = ${otpLatencyRollups}.requests + excluded.requests
    returning 1 as n`;
  const rejections = sql`insert into ${otpRejectionRollups} (agent, span, day, eko_status, message, requests)
    select s.rollup_agent, s.span, s.day, s.${col("ekoStatus")}, coalesce(s.${col("ekoMessage")}, ${NO_MESSAGE}), count(*) from ${s}
    where s.${col("state")} = 'rejected' group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
    on conflict on constraint otp_rejection_rollups_key do update set requests = ${otpRejectionRollups}.requests + excluded.requests
    returning 1 as n`;
  // The window ending at each counted row: the other requests of that customer (of that agent, or of anyone) in it,
  // plus the row itself, which a row inserted by this very statement would not yet see.
  const others = sql`(select count(*) from ${otpRequests} o where o.${col("customerMobileHash")} = s.${col("customerMobileHash")}
    and o.${col("createdAt")} between s.${col("createdAt")} - ${flagWindow} and s.${col("createdAt")}
    and o.${col("clientRefId")} <> s.${col("clientRefId")} and (s.rollup_agent = ${ALL_AGENTS} or o.${col("agent")} = s.rollup_agent))`;
  const flagged = sql`insert into ${otpFlaggedCustomers} (agent, span, day, customer_mobile_hash, customer_mobile_last4, requests, last_at)
    select agent, span, day, hash, max(last4), max(n), max(at) from (
      select s.rollup_agent as agent, s.span, s.day, s.${col("customerMobileHash")} as hash, s.${col("customerMobileLast4")} as last4, s.${col("createdAt")} as at,
        ${others} + 1 as n from ${s}
    ) w where n >= ${FLAG_THRESHOLD} group by 1, 2, 3, 4 order by 1, 2, 3, 4
    on conflict (agent, span, day, customer_mobile_hash) do update set requests = greatest(${otpFlaggedCustomers}.requests, excluded.requests),
      last_at = greatest(${otpFlaggedCustomers}.last_at, excluded.last_at)
    returning 1 as n`;
  const n = () => sql<number>`n`.as("n");
  return [
    db.$with("counted_requests", { n: n() }).as(counts),
    db.$with("counted_latencies", { n: n() }).as(latencies),
    db.$with("counted_rejections", { n: n() }).as(rejections),
    db.$with("counted_flags", { n: n() }).as(flagged),
  ];
}

const ROLLUP_TABLES = [otpRequestRollups, otpLatencyRollups, otpRejectionRollups, otpFlaggedCustomers];

/**
 * Replaces every OTP rollup with what the ledger holds, in one transaction that locks out ledger writes meanwhile:
 * the same rules as the writes (India day, latency buckets, the flag window), over every completed row.
 */
export async function rebuildOtpRollups(db: Db): Promise<number> {
  return runTransaction(db, "rebuild-otp-rollups", async (tx) => {
    await tx.execute(sql`lock table ${otpRequests} in share mode`);
    for (const table of ROLLUP_TABLES) await tx.delete(table);
    // Every completed row once per agent and once for ALL_AGENTS, as the writes count them.
    const done = sql`(select * from ${otpRequests} where ${col("state")} <> 'pending')`;
    const s = scoped(done);
    const statements = [
      sql`insert into ${otpRequestRollups} (agent, span, day, state, requests, amount)
        select s.rollup_agent, s.span, s.day, s.${col("state")}, count(*), sum(s.${col("amount")}) from ${s} group by 1, 2, 3, 4`,
      sql`insert into ${otpLatencyRollups} (agent, span, day, state, bucket, requests)
        select s.rollup_agent, s.span, s.day, s.${col("state")}, ${bucketSql(sql`s.${col("latencyMs")}`)}, count(*) from ${s}
        where s.${col("latencyMs")} is not null group by 1, 2, 3, 4, 5`,
      sql`insert into ${otpRejectionRollups} (agent, span, day, eko_status, message, requests)
        select s.rollup_agent, s.span, s.day, s.${col("ekoStatus")}, coalesce(s.${col("ekoMessage")}, ${NO_MESSAGE}), count(*) from ${s}
        where s.${col("state")} = 'rejected' group by 1, 2, 3, 4, 5`,
      sql`insert into ${otpFlaggedCustomers} (agent, span, day, customer_mobile_hash, customer_mobile_last4, requests, last_at)
        select agent, span, day, hash, max(last4), max(n), max(at) from (
          select span.span, span.day, scope.agent, o.state, o.hash, o.last4, o.at, case when scope.agent = ${ALL_AGENTS} then o.everyone else o.own end as n
          from (
            select ${col("agent")} as agent, ${col("state")} as state, ${col("customerMobileHash")} as hash, ${col("customerMobileLast4")} as last4,
              ${col("createdAt")} as at,
              count(*) over (partition by ${col("customerMobileHash")} order by ${col("createdAt")} range between ${flagWindow} preceding and current row) as everyone,
              count(*) over (partition by ${col("customerMobileHash")}, ${col("agent")} order by ${col("createdAt")} range between ${flagWindow} preceding and current row) as own
            from ${otpRequests}
          ) o cross join lateral (values (o.agent), (${ALL_AGENTS})) as scope(agent) cross join lateral ${spansOf(istDaySql(sql`o.at`))}
        ) w where n >= ${FLAG_THRESHOLD} and state <> 'pending' group by 1, 2, 3, 4`,
    ];
    for (const statement of statements) await tx.execute(statement);
    const [row] = await tx
      .select({
        n: sql<number>`(${sql.join(
          ROLLUP_TABLES.map((t) => sql`(select count(*) from ${t})`),
          sql` + `,
        )})::int`,
      })
      .from(sql`(select 1) one`);
    return row?.n ?? 0;
  });
}
