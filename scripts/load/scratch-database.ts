import { randomBytes } from "node:crypto";
import { Pool } from "pg";

/** A throw-away PostgreSQL database on the given server, for one load run. */
export async function createScratchDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ld_load_${randomBytes(6).toString("hex")}`;
  const admin = new Pool({ connectionString: serverUrl, max: 1 });
  await admin.query(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [name]);
      await admin.query(`drop database if exists "${name}"`);
      await admin.end();
    },
  };
}
