import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "./open";

describe("the embedded database, served to pg over its socket [pglite]", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openDatabase({ kind: "memory" });
    await handle.db.execute(sql`create table seen (n integer unique)`);
  }, 60_000);
  afterAll(() => handle.close());

  it("answers the next statement after one the database refused (pg replaces the connection)", async () => {
    await handle.db.execute(sql`insert into seen values (1)`);
    await expect(handle.db.execute(sql`insert into seen values (1)`)).rejects.toMatchObject({ cause: { code: "23505" } });
    const { rows } = await handle.db.execute<{ n: number }>(sql`select n from seen`);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it("runs a named prepared statement again after a refused one (the new connection starts on a clean session)", async () => {
    const countSeen = () => handle.db.execute<{ n: number }>(sql`select count(*)::int as n from seen`);
    const prepared = handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(sql`seen`)
      .prepare("count_seen");
    expect(await prepared.execute()).toHaveLength(1);
    await expect(handle.db.execute(sql`select 1 / 0`)).rejects.toMatchObject({ cause: { code: "22012" } });
    expect(await prepared.execute()).toEqual((await countSeen()).rows);
  });

  it("runs a statement sent during a transaction after it, never inside it", async () => {
    const order: string[] = [];
    let outside: Promise<unknown> = Promise.resolve();
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.execute(sql`insert into seen values (2)`);
        outside = handle.db.execute<{ n: number }>(sql`select count(*)::int as n from seen`).then((result) => {
          order.push("outside");
          return result.rows[0]?.n;
        });
        await new Promise((resolve) => setTimeout(resolve, 50));
        order.push("transaction");
        throw new Error("roll it back");
      }),
    ).rejects.toThrow("roll it back");
    // It waited for the rollback, and so never saw the row the transaction wrote.
    expect(await outside).toBe(1);
    expect(order).toEqual(["transaction", "outside"]);
  });
});
