import type { Db } from "@/lib/db/open";

type Deferred = { name: string; drop: string; restore: string };

const rowsOf = (result: unknown): Record<string, string>[] =>
  typeof result === "object" && result !== null && "rows" in result && Array.isArray(result.rows) ? (result.rows as Record<string, string>[]) : [];

/**
 * The indexes and foreign keys of `tables` that a bulk load can do without, read from the catalog as the migrations
 * left them: every index except those behind a primary key or unique constraint, and every foreign key.
 */
async function deferrable(db: Db, tables: readonly string[]): Promise<Deferred[]> {
  const list = tables.map((t) => `'${t}'`).join(", ");
  const indexes = rowsOf(
    await db.execute(`select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.schemaname = current_schema() and i.tablename in (${list})
        and not exists (select 1 from pg_constraint c where c.conindid = to_regclass(format('%I.%I', i.schemaname, i.indexname))
          and c.contype in ('p', 'u', 'x'))
      order by i.tablename, i.indexname`),
  );
  const foreignKeys = rowsOf(
    await db.execute(`select c.conname as name, c.conrelid::regclass::text as tbl, pg_get_constraintdef(c.oid) as def from pg_constraint c
      where c.contype = 'f' and c.conrelid in (${tables.map((t) => `to_regclass('${t}')`).join(", ")})
      order by c.conname`),
  );
  return [
    ...foreignKeys.map((fk) => ({
      name: fk.name ?? "",
      drop: `alter table ${fk.tbl} drop constraint "${fk.name}"`,
      restore: `alter table ${fk.tbl} add constraint "${fk.name}" ${fk.def}`,
    })),
    ...indexes.map((index) => ({ name: index.name ?? "", drop: `drop index "${index.name}"`, restore: index.def ?? "" })),
  ];
}

/**
 * Runs `load` with the secondary indexes and foreign keys of `tables` dropped, then puts them back exactly as the
 * catalog had them: building an index once over the loaded rows is far cheaper than maintaining it row by row.
 * Returns the seconds spent putting them back.
 */
export async function withoutSecondaryIndexes(
  db: Db,
  tables: readonly string[],
  log: (line: string) => void,
  load: () => Promise<void>,
): Promise<number> {
  const deferred = await deferrable(db, tables);
  for (const item of deferred) await db.execute(item.drop);
  log(`  dropped ${deferred.length} indexes and foreign keys of ${tables.join(", ")} for the load`);
  await load();
  const started = performance.now();
  // Restored in reverse: indexes first, then the foreign keys, whose validation may use them.
  for (const item of [...deferred].reverse()) {
    const one = performance.now();
    await db.execute(item.restore);
    log(`  restored ${item.name} in ${((performance.now() - one) / 1000).toFixed(1)} s`);
  }
  return (performance.now() - started) / 1000;
}
