import { sql } from "drizzle-orm";
import { Pool } from "pg";
import { openDatabase } from "@/lib/db/open";
const url = "postgres://postgres@127.0.0.1:5432/test";
async function main() {
  const handle = await openDatabase({ kind: "postgres", url });
  const result = (await handle.db.execute(sql`select pg_backend_pid() as pid`)) as unknown as { rows: { pid: number }[] };
  const admin = new Pool({ connectionString: url, max: 1 });
  await admin.query("select pg_terminate_backend($1)", [result.rows[0]!.pid]);
  await admin.end();
  await new Promise((r) => setTimeout(r, 500));
  console.log("STILL ALIVE");
  await handle.close();
}
void main();
