import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { MONEY_NOT_MOVED } from "@/lib/db/schema-states";
import { SIM_BASE_PATH, type ReceivedRequest } from "@/lib/eko-sim/server";
import type { CheckResult } from "./ledger-checks";
import type { TransferLoad } from "./transfers";

const INITIATE_PATH = `${SIM_BASE_PATH}/customer/payment/ppi-levin`;
const UNSETTLED = ["pending", "unknown", "in-progress"];

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/**
 * After the transfers settled: no transfer initiated twice (by the desk's ledger and by what the simulator received),
 * none left unknown, every success with one receipt, and every double submission answered with one transfer.
 */
export async function checkTransfers(
  db: Db,
  received: ReceivedRequest[],
  load: TransferLoad,
): Promise<{ checks: CheckResult[]; states: [string, number][]; faulted: [string, number][] }> {
  const checks: CheckResult[] = [];
  // The transfer's row is its Initiate call's ledger row: every call the simulator received must be one of them, once.
  const [c] = await rows<{ transfers: number; sent: number; otps: number }>(
    db,
    sql`select (select count(*) from transfers)::int as transfers,
          (select count(*) from transfers where state <> 'not-sent')::int as sent,
          (select count(*) from (select otp_request_id from transfers where state not in (${list(MONEY_NOT_MOVED)}) group by 1 having count(*) > 1) d)::int as otps`,
  );
  const ledgerRefs = new Set((await rows<{ ref: string }>(db, sql`select client_ref_id as ref from transfers`)).map((r) => r.ref));
  const initiates = received.filter((r) => r.method === "POST" && r.path === INITIATE_PATH);
  const simRefs = initiates.map((r) => String((r.body as { client_ref_id?: unknown } | null)?.client_ref_id));
  const orphans = simRefs.filter((ref) => !ledgerRefs.has(ref)).length;
  const twice = simRefs.length - new Set(simRefs).size;
  checks.push({
    name: "no transfer initiated twice",
    ok: twice + orphans + c!.otps === 0 && initiates.length === c!.sent,
    detail:
      `${c!.transfers} transfers, ${c!.sent} sent by the desk; the simulator received ${initiates.length} Initiate calls: ${twice} repeated, ` +
      `${orphans} for no transfer in the ledger; ${c!.otps} OTPs with two live transfers`,
  });

  const states = await rows<{ state: string; n: number }>(db, sql`select state, count(*)::int as n from transfers group by 1 order by 2 desc`);
  const unsettled = states.filter((s) => UNSETTLED.includes(s.state)).reduce((sum, s) => sum + s.n, 0);
  checks.push({ name: "none left unknown once Eko answers inquiries", ok: unsettled === 0, detail: `${unsettled} in ${UNSETTLED.join("/")}` });

  // The cash to collect as the receipt shows it: Eko's collectable amount, else (Transaction Inquiry gives none) amount + fee.
  const [receipts] = await rows<{ success: number; incomplete: number; derived: number; shared: number }>(
    db,
    sql`select count(*)::int as success,
          count(*) filter (where tid is null or coalesce(collectable_paise, amount * 100 + fee_paise) is null or coalesce(collectable_paise, amount * 100 + fee_paise) < amount * 100)::int as incomplete,
          count(*) filter (where collectable_paise is null)::int as derived,
          (select count(*) from (select tid from transfers where tid is not null group by 1 having count(*) > 1) d)::int as shared
        from transfers where state = 'success'`,
  );
  const r = receipts!;
  checks.push({
    name: "every success has exactly one receipt",
    ok: r.incomplete + r.shared === 0,
    detail: `${r.success} successes, ${r.incomplete} without a TID or cash to collect (${r.derived} collect amount + fee: settled by inquiry), ${r.shared} TIDs on more than one transfer`,
  });

  const refs = new Set((await rows<{ ref: string }>(db, sql`select client_ref_id as ref from transfers`)).map((row) => row.ref));
  const missing = [...load.seen.keys()].filter((ref) => !refs.has(ref)).length;
  checks.push({
    name: "every double submission is one transfer, and every answer in the ledger",
    ok: load.split.length === 0 && missing === 0,
    detail: `${load.split.length} answered with two transfers${load.split.length ? ` (${load.split.slice(0, 3).join("; ")})` : ""}, ${missing} of ${load.seen.size} answered refs missing`,
  });
  const faulted = new Map<string, number>();
  for (const r of initiates) if (r.verdict.startsWith("fault: ")) faulted.set(r.verdict.slice(7), (faulted.get(r.verdict.slice(7)) ?? 0) + 1);
  return { checks, states: states.map((s) => [s.state, s.n]), faulted: [...faulted] };
}
