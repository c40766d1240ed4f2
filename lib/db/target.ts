import "server-only";
import path from "node:path";
import { ConfigError } from "@/lib/eko/config";

/** Where the ledger lives: embedded PGlite files under DATA_DIR by default, a PostgreSQL server with DATABASE_URL. */
export type DbTarget = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };

export function dataDirFrom(env: Record<string, string | undefined>): string {
  // Runtime data, not a build input: keep the bundler from tracing it.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), env.DATA_DIR?.trim() || "data");
}

export function dbTargetFrom(env: Record<string, string | undefined>): DbTarget {
  const url = env.DATABASE_URL?.trim();
  if (!url) return { kind: "pglite", dataDir: path.join(dataDirFrom(env), "pglite") };
  if (!/^postgres(ql)?:\/\//.test(url) || !URL.canParse(url)) {
    throw new ConfigError(["DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for the embedded database)"]);
  }
  return { kind: "postgres", url };
}
