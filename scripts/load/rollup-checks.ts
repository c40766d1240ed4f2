import { getTableColumns } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db/open";
import { otpFlaggedCustomers, otpLatencyRollups, otpRejectionRollups, otpRequestRollups, transferRollups } from "@/lib/db/schema";
import { rebuildRollups } from "@/lib/ledger/rebuild-rollups";
import type { CheckResult } from "./ledger-checks";

const TABLES: PgTable[] = [otpRequestRollups, otpLatencyRollups, otpRejectionRollups, otpFlaggedCustomers, transferRollups];

/** Every rollup row that counts something, as text, without its time of writing: what a rebuild must reproduce. */
async function contents(db: Db): Promise<string[]> {
  const lines: string[] = [];
  for (const table of TABLES) {
    const columns = Object.values(getTableColumns(table)).filter((c) => c.name !== "updated_at");
    const rows = await db.select(Object.fromEntries(columns.map((c) => [c.name, c]))).from(table);
    // A transfer rollup row every transfer has left (pending, once answered) counts nothing: a rebuild never writes it.
    const counting = table === transferRollups ? rows.filter((row) => row.transfers !== 0) : rows;
    lines.push(...counting.map((row) => JSON.stringify(row)));
  }
  return lines.sort();
}

/** After a load run (several instances, concurrent writes): the rollups kept by the writes equal a rebuild from the ledger. */
export async function checkRollups(db: Db): Promise<CheckResult> {
  const kept = await contents(db);
  await rebuildRollups(db);
  const rebuilt = await contents(db);
  const rebuiltSet = new Set(rebuilt);
  const keptSet = new Set(kept);
  const differing = kept.filter((line) => !rebuiltSet.has(line)).length + rebuilt.filter((line) => !keptSet.has(line)).length;
  return {
    name: "the rollups kept by the writes equal a rebuild from the ledger",
    ok: differing === 0,
    detail: `${kept.length} rows kept, ${rebuilt.length} rebuilt, ${differing} differing`,
  };
}
