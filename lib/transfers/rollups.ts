import "server-only";
import { eq, getTableColumns, sql, type SQL } from "drizzle-orm";
import type { Db, Queryable } from "@/lib/db/open";
import { ALL_AGENTS, transferRollups, transfers, type NewTransferRow, type TransferRow } from "@/lib/db/schema";
import { runTransaction } from "@/lib/db/transaction";
import { istStartSql } from "@/lib/ledger/india-time";
import type { TransferUpdate } from "./repository";

const COLUMNS = getTableColumns(transfers);
const col = (key: "agent" | "createdAt" | "state" | "amount" | "feePaise") => sql.identifier(COLUMNS[key].name);

/**
 * Each transfer's count, rupees and fee (paise) under its rollup keys: its agent and ALL_AGENTS, the India-time hour
 * and month it was created in (so a transfer never moves), and `state`. `sign` is −1 to take a row's earlier figures out.
 */
const keyed = (from: SQL, state: SQL, amount: SQL, fee: SQL, sign: 1 | -1) => {
  const created = sql`d.${col("createdAt")}`;
  return sql`select scope.rollup_agent as agent, span.span, span.hour, ${state} as state,
    ${sign}::int as transfers, ${sign} * ${amount}::bigint as amount, ${sign} * coalesce(${fee}, 0)::bigint as fee_paise
    from ${from} d cross join lateral (values (d.${col("agent")}), (${ALL_AGENTS})) as scope(rollup_agent)
    cross join lateral (values ('hour', ${istStartSql("hour", created)}), ('month', ${istStartSql("month", created)})) as span(span, hour)`;
};

/**
 * The rollup upsert over a write's returned rows, named `done`: each row as written counts +1 under its state, and as
 * it was (`was_state`, `was_amount`, `was_fee_paise`; null for a new row) −1. Keys that net to nothing are left
 * alone; the others go in sorted order, so two writers lock rollup rows in the same order.
 */
function rollupCte(db: Queryable) {
  const done = sql`done`;
  const deltas = sql`${keyed(done, sql`d.${col("state")}`, sql`d.${col("amount")}`, sql`d.${col("feePaise")}`, 1)}
    union all ${keyed(sql`(select * from done where was_state is not null)`, sql`d.was_state`, sql`d.was_amount`, sql`d.was_fee_paise`, -1)}`;
  const upsert = sql`insert into ${transferRollups} (agent, span, hour, state, transfers, amount, fee_paise)
    select agent, span, hour, state, sum(transfers), sum(amount), sum(fee_paise) from (${deltas}) k group by 1, 2, 3, 4
    having sum(transfers) <> 0 or sum(amount) <> 0 or sum(fee_paise) <> 0 order by 1, 2, 3, 4
    on conflict (agent, span, hour, state) do update set transfers = ${transferRollups}.transfers + excluded.transfers,
      amount = ${transferRollups}.amount + excluded.amount, fee_paise = ${transferRollups}.fee_paise + excluded.fee_paise, updated_at = now()
    returning 1 as n`;
  return db.$with("counted_transfers", { n: sql<number>`n`.as("n") }).as(upsert);
}

/** The write (returning `transfers.*` and the was_ columns) and the rollups, in one statement; the rows as written. */
async function counted(db: Queryable, write: SQL): Promise<TransferRow[]> {
  const done = db.$with("done", { id: sql<number>`id`.as("id") }).as(write);
  // Read back through each column's own decoder, as a plain select of the table would.
  const fields = Object.fromEntries(Object.entries(COLUMNS).map(([key, column]) => [key, sql`${sql.identifier(column.name)}`.mapWith(column)]));
  const rows = await db.with(done, rollupCte(db)).select(fields).from(done);
  return rows as unknown as TransferRow[];
}

/** Inserts a transfer, counted in the rollups in the same statement; null when a unique index refused it. */
export async function insertCountedTransfer(db: Queryable, row: NewTransferRow): Promise<TransferRow | null> {
  const insert = db.insert(transfers).values(row).onConflictDoNothing();
  const [inserted] = await counted(
    db,
    sql`${insert.getSQL()} returning *, null::text as was_state, null::int as was_amount, null::int as was_fee_paise`,
  );
  return inserted ?? null;
}

/**
 * Updates the transfers `where` picks, stamping `changed_at`, with the rollups following each change of state, amount
 * or fee in the same statement. The rows are locked as they were read, so `was_*` are the figures this very update replaced.
 */
export async function updateCountedTransfers(db: Queryable, where: SQL | undefined, update: TransferUpdate): Promise<TransferRow[]> {
  const was = db
    .select({ id: transfers.id, state: transfers.state, amount: transfers.amount, feePaise: transfers.feePaise })
    .from(transfers)
    .where(where)
    .for("update")
    .as("was");
  const write = db
    .update(transfers)
    .set({ ...update, changedAt: new Date() })
    .from(was)
    .where(eq(transfers.id, was.id));
  return counted(
    db,
    sql`${write.getSQL()} returning ${transfers}.*, was.state as was_state, was.amount as was_amount, was.fee_paise as was_fee_paise`,
  );
}

/**
 * Replaces the transfer rollups with what the ledger holds, in one transaction that locks out transfer writes
 * meanwhile: every transfer once, by the same keys as the writes.
 */
export async function rebuildTransferRollups(db: Db): Promise<number> {
  return runTransaction(db, "rebuild-transfer-rollups", async (tx) => {
    await tx.execute(sql`lock table ${transfers} in share mode`);
    await tx.delete(transferRollups);
    const all = keyed(sql`${transfers}`, sql`d.${col("state")}`, sql`d.${col("amount")}`, sql`d.${col("feePaise")}`, 1);
    await tx.execute(sql`insert into ${transferRollups} (agent, span, hour, state, transfers, amount, fee_paise)
      select agent, span, hour, state, sum(transfers), sum(amount), sum(fee_paise) from (${all}) k group by 1, 2, 3, 4`);
    const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(transferRollups);
    return row?.n ?? 0;
  });
}
