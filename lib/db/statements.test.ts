import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { run, statement } from "./statements";
import { describeEachDatabase } from "./testing/test-databases";

const ADD_ONE = statement("test_add_one", "select $1::integer + 1 as n");
const TOUCH = statement("test_touch", "update otp_requests set latency_ms = latency_ms where client_ref_id = $1");

describeEachDatabase("fixed statements straight to the driver", (database) => {
  it("prepares once and runs again with new values, typed as the driver types them", async () => {
    expect((await run<{ n: number }>(database.db, ADD_ONE, [41])).rows).toEqual([{ n: 42 }]);
    expect((await run<{ n: number }>(database.db, ADD_ONE, ["9"])).rows).toEqual([{ n: 10 }]);
  });

  it("reports a database error with its SQLSTATE code, and the statement still runs afterwards", async () => {
    await expect(run(database.db, ADD_ONE, ["not a number"])).rejects.toMatchObject({ code: "22P02" });
    expect((await run<{ n: number }>(database.db, ADD_ONE, [1])).rows).toEqual([{ n: 2 }]);
  });

  it("counts the rows an update touched", async () => {
    expect((await run(database.db, TOUCH, ["LD-NO-SUCH-ROW"])).count).toBe(0);
  });

  it("waits for a transaction in progress rather than running inside it", async () => {
    const order: string[] = [];
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      void run(database.db, ADD_ONE, [1]).then(() => order.push("statement"));
      await new Promise((resolve) => setTimeout(resolve, 50));
      order.push("transaction");
      await tx.execute(sql`select 2`);
      // On PostgreSQL the statement runs on another connection at once; on PGlite it waits for the commit.
      if (database.kind === "pglite") expect(order).toEqual(["transaction"]);
    });
    await expect.poll(() => order.length).toBe(2);
  });
});
