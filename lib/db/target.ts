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
