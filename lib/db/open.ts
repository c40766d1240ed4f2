import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { Pool, PoolConfig } from "pg";
import { lockDataDir } from "./data-dir-lock";
import { EmbeddedServer } from "./embedded-server";
import * as schema from "./schema";
import type { DbTarget } from "./target";

export type Db = NodePgDatabase<typeof schema> & { $client: Pool };
/** A transaction on `Db`, or the database itself: for functions that run either way. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Queryable = Db | Tx;
/** `stopped`: the database can no longer answer (the embedded database's thread died); open it again. */
export type DbHandle = {
  db: Db;
  kind: DbTarget["kind"];
  migrate: () => Promise<void>;
  close: () => Promise<void>;
  stopped: () => boolean;
  /** The embedded database's server, for a test that must stop it as a crash would. */
  embedded?: EmbeddedServer;
};

// The embedded databases: one connection, so one statement at a time, each seeing every earlier one committed. On
// globalThis, like the database itself (client.ts): a production build instantiates this module once per bundle, and
// the bundle that opened the database is not the one that asks.
const registry = globalThis as typeof globalThis & { __levinDeskSerialised?: WeakSet<Db> };
const serialised = (registry.__levinDeskSerialised ??= new WeakSet<Db>());

/** True for the embedded database: no other connection can write between two of its statements. */
export function runsOneStatementAtATime(db: Db): boolean {
  return serialised.has(db);
}

const MIGRATIONS_FOLDER = path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "db", "migrations");

/**
 * Opens the database. Both kinds are reached the same way, with pg and drizzle's node-postgres dialect: PostgreSQL
 * over its URL, the embedded PGlite over the Unix socket its thread serves. `schemaName` (PostgreSQL only) confines
 * everything, migrations included, to one schema, so test runs can share a server without touching each other.
 */
export async function openDatabase(target: DbTarget | { kind: "memory" }, options: { schemaName?: string } = {}): Promise<DbHandle> {
  if (target.kind === "postgres") {
    const { schemaName } = options;
    return connect("postgres", { connectionString: target.url, max: 10, ...(schemaName ? { options: `-c search_path=${schemaName}` } : {}) }, { schemaName });
  }
  if (target.kind === "pglite") mkdirSync(target.dataDir, { recursive: true });
  const unlock = target.kind === "pglite" ? lockDataDir(target.dataDir) : () => undefined;
  let embedded: EmbeddedServer;
  try {
    embedded = await EmbeddedServer.start(target.kind === "memory" ? null : target.dataDir);
  } catch (error) {
    unlock();
    throw error;
  }
  // PGlite serves one session, so one connection; a new one (pg opens one after a failed query) shares it, and clears
  // what the last one left there, as a pooler's reset query does, so named statements never clash.
  const handle = await connect(
    "pglite",
    { host: embedded.socketDir, port: embedded.port, user: "postgres", database: "postgres", max: 1, onConnect: (client) => client.query("discard all") },
    {},
  );
  serialised.add(handle.db);
  return {
    ...handle,
    embedded,
    close: () => handle.close().finally(() => embedded.close().finally(unlock)),
    stopped: () => embedded.stopped,
  };
}

async function connect(kind: DbTarget["kind"], config: PoolConfig, { schemaName }: { schemaName?: string }): Promise<DbHandle> {
  // Loaded when the database is first opened, not with the first page a started server serves.
  const [{ Pool }, { drizzle }, { migrate: migrateDb }] = await Promise.all([
    import("pg"),
    import("drizzle-orm/node-postgres"),
    import("drizzle-orm/node-postgres/migrator"),
  ]);
  const pool = new Pool(config);
  // A connection dropped by the server (restart, failover, idle timeout, the embedded thread dying) must not take
  // the process down: the pool discards it and opens another on the next query.
  pool.on("error", (error) =>
    console.error(JSON.stringify({ level: "warn", event: "db.idle_connection_lost", code: (error as { code?: string }).code ?? error.name })),
  );
  const db = drizzle({ client: pool, schema });
  return {
    db,
    kind,
    async migrate() {
      const run = () => migrateDb(db, { migrationsFolder: MIGRATIONS_FOLDER, ...(schemaName ? { migrationsSchema: schemaName } : {}) });
      // The embedded database is one process's (its data folder is locked), and its one connection is the pool.
      if (kind === "pglite") return run();
      // Several app instances may start at once: one migrates, the others wait on the lock and find nothing to do.
      const lock = await pool.connect();
      try {
        await lock.query("select pg_advisory_lock(hashtext('levin-desk-migrations'))");
        if (schemaName) await lock.query(`create schema if not exists "${schemaName}"`);
        await run();
      } finally {
        await lock.query("select pg_advisory_unlock(hashtext('levin-desk-migrations'))").catch(() => undefined);
        lock.release();
      }
    },
    close: () => pool.end(),
    stopped: () => false,
  };
}
