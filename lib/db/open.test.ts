import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { Pool } from "pg";
import { describe, expect, it } from "vitest";
import { closeDb, getDb, getDbHandle } from "./client";
import { openDatabase } from "./open";

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)("PostgreSQL connections [postgres]", () => {
  it("survives the server dropping an idle connection, and the next query works", async () => {
    const handle = await openDatabase({ kind: "postgres", url: url! });
    const admin = new Pool({ connectionString: url, max: 1 });
    try {
      const before = await handle.db.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
      const pid = before.rows[0]?.pid;
      expect(pid).toBeGreaterThan(0);
      await admin.query("select pg_terminate_backend($1)", [pid]);
      // Give the pool time to notice the dead socket: an unhandled 'error' event would fail this run.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const after = await handle.db.execute<{ ok: number }>(sql`select 1 as ok`);
      expect(after.rows[0]?.ok).toBe(1);
    } finally {
      await admin.end();
      await handle.close();
    }
  });
});

describe("the embedded database's thread [pglite]", () => {
  it("a thread that dies is replaced on the next request, with the data intact", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ld-thread-"));
    const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
    Object.assign(process.env, { DATA_DIR: dir, DATABASE_URL: "" });
    try {
      const db = await getDb();
      await db.execute(sql`create table kept (n integer)`);
      await db.execute(sql`insert into kept values (7)`);
      // As if the WebAssembly had aborted: the thread is gone.
      await (await getDbHandle()).embedded!.terminate();
      await expect(db.execute(sql`select 1`)).rejects.toThrow();
      const again = await getDb();
      expect(again).not.toBe(db);
      const rows = await again.execute<{ n: number }>(sql`select n from kept`);
      expect(rows.rows).toEqual([{ n: 7 }]);
    } finally {
      await closeDb();
      Object.assign(process.env, saved);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
