import { sql } from "drizzle-orm";
import { Pool } from "pg";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./open";

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)("PostgreSQL connections [postgres]", () => {
  it("survives the server dropping an idle connection, and the next query works", async () => {
    const handle = await openDatabase({ kind: "postgres", url: url! });
    const admin = new Pool({ connectionString: url, max: 1 });
    try {
      const before = (await handle.db.execute(sql`select pg_backend_pid() as pid`)) as unknown as { rows: { pid: number }[] };
      const pid = before.rows[0]?.pid;
      expect(pid).toBeGreaterThan(0);
      await admin.query("select pg_terminate_backend($1)", [pid]);
      // Give the pool time to notice the dead socket: an unhandled 'error' event would fail this run.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const after = (await handle.db.execute(sql`select 1 as ok`)) as unknown as { rows: { ok: number }[] };
      expect(after.rows[0]?.ok).toBe(1);
    } finally {
      await admin.end();
      await handle.close();
    }
  });
});
