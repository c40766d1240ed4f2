import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { lockDataDir } from "./data-dir-lock";
import { PgliteThread } from "./pglite-thread";
import * as schema from "./schema";
import type { DbTarget } from "./target";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction on `Db`, or the database itself: for functions that run either way. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Queryable = Db | Tx;
/** `stopped`: the database can no longer answer (the embedded database's thread died); open it again. */
export type DbHandle = { db: Db; kind: DbTarget["kind"]; migrate: () => Promise<void>; close: () => Promise<void>; stopped: () => boolean };

const MIGRATIONS_FOLDER = path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "db", "migrations");

/**
 * Opens the database; `schemaName` (PostgreSQL only) confines everything, migrations included, to one schema, so
 * test runs can share a server without touching each other.
 */
export async function openDatabase(target: DbTarget | { kind: "memory" }, options: { schemaName?: string } = {}): Promise<DbHandle> {
  if (target.kind !== "postgres") {
    if (target.kind === "pglite") mkdirSync(target.dataDir, { recursive: true });
    const unlock = target.kind === "pglite" ? lockDataDir(target.dataDir) : () => undefined;
    const client = new PgliteThread(target.kind === "memory" ? null : target.dataDir);
    try {
      await client.waitReady;
    } catch (error) {
      unlock();
      throw error;
    }
    // drizzle's PGlite driver only calls query and transaction, which the thread's client answers as PGlite does.
    const db = drizzlePglite({ client: client as unknown as PGlite, schema });
    return {
      db,
      kind: "pglite",
      migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }),
      close: () => client.close().finally(unlock),
      stopped: () => client.stopped,
    };
  }

  // Loaded only here: a desk on the embedded database never needs the PostgreSQL client.
  const [{ Pool }, { drizzle: drizzleNodePg }, { migrate: migrateNodePg }] = await Promise.all([
    import("pg"),
    import("drizzle-orm/node-postgres"),
    import("drizzle-orm/node-postgres/migrator"),
  ]);
  const { schemaName } = options;
  const pool = new Pool({
    connectionString: target.url,
    max: 10,
    ...(schemaName ? { options: `-c search_path=${schemaName}` } : {}),
  });
  // An idle connection dropped by the server (restart, failover, idle timeout) must not take the process down:
  // the pool discards it and opens another on the next query.
  pool.on("error", (error) =>
    console.error(JSON.stringify({ level: "warn", event: "db.idle_connection_lost", code: (error as { code?: string }).code ?? error.name })),
  );
  const db = drizzleNodePg({ client: pool, schema });
  return {
    db,
    kind: "postgres",
    async migrate() {
      // Several app instances may start at once: one migrates, the others wait on the lock and find nothing to do.
      const lock = await pool.connect();
      try {
        await lock.query("select pg_advisory_lock(hashtext('levin-desk-migrations'))");
        if (schemaName) await lock.query(`create schema if not exists "${schemaName}"`);
        await migrateNodePg(db, { migrationsFolder: MIGRATIONS_FOLDER, ...(schemaName ? { migrationsSchema: schemaName } : {}) });
      } finally {
        await lock.query("select pg_advisory_unlock(hashtext('levin-desk-migrations'))").catch(() => undefined);
        lock.release();
      }
    },
    close: () => pool.end(),
    // The pool replaces lost connections itself.
    stopped: () => false,
  };
}
