import "server-only";
import { readSettings, type Settings } from "@/lib/settings";

/** Where the ledger lives: embedded PGlite files under DATA_DIR by default, a PostgreSQL server with DATABASE_URL. */
export type DbTarget = Settings<"database">["target"];

export function dataDirFrom(env: Record<string, string | undefined>): string {
  return readSettings("database", env).dataDir;
}

export function dbTargetFrom(env: Record<string, string | undefined>): DbTarget {
  return readSettings("database", env).target;
}

/**
 * Which database a command is about to change, in words an operator can check before it does: the embedded folder,
 * or the PostgreSQL database and server (never the user or password in the URL).
 */
export function describeTarget(target: DbTarget): string {
  if (target.kind === "pglite") return `embedded, in ${target.dataDir}`;
  const url = new URL(target.url);
  const database = decodeURIComponent(url.pathname.slice(1)) || "(the user's default database)";
  // A Unix-socket server is named in the query (?host=/var/run/postgresql), as pg reads it.
  const host = url.hostname || url.searchParams.get("host") || "localhost";
  return `PostgreSQL ${database} on ${host}:${url.port || "5432"}`;
}
