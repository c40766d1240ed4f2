import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { authSessions, authUsers } from "@/lib/db/auth-schema";
import type { Db } from "@/lib/db/open";
import { customerVisits, ekoCalls } from "@/lib/db/schema";
import { CircuitBreaker } from "@/lib/eko/circuit-breaker";
import type { TestDatabase } from "@/lib/db/testing/test-databases";
import type { SimulatedEko } from "@/lib/otp-requests/testing/service-harness";
import { testVault } from "@/lib/otp-requests/testing/ledger-rows";
import uat from "@/lib/eko-sim/uat-values.json";
import { lookUpCustomer, verifyCustomer, type Counter, type CustomerDeps } from "../service";

let seq = 0;
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

/** A customer of this test alone (enrolled, with Eko's sample recipients), so SMS and added recipients never mix. */
export const newCustomer = () => `97${String(Date.now() % 1e6).padStart(6, "0")}${String(seq++ % 100).padStart(2, "0")}`;

/** A customer the simulator has not enrolled (every mobile starting 63), of this test alone. */
export const newUnenrolledCustomer = () => `63${String(Date.now() % 1e6).padStart(6, "0")}${String(seq++ % 100).padStart(2, "0")}`;

/**
 * An agent signed in: an auth user and a session row for the customer visits to belong to. Each test its own agent,
 * so the per-agent look-up window never fills across tests.
 */
export async function signedIn(db: Db): Promise<Counter> {
  const agent = `agent-${unique()}`;
  const userId = randomUUID();
  await db.insert(authUsers).values({ id: userId, name: agent, email: `${agent}@desk.test`, username: agent, userCode: uat.userCode });
  return { actor: { agent, agentId: userId, userCode: uat.userCode }, sessionId: await newSession(db, userId) };
}

/** Another sign-in of the same agent (another browser, or after signing in again). */
export async function newSession(db: Db, userId: string): Promise<string> {
  const id = randomUUID();
  await db.insert(authSessions).values({ id, token: randomUUID(), userId, expiresAt: new Date(Date.now() + 3_600_000) });
  return id;
}

export function customerDeps(database: TestDatabase, eko: SimulatedEko, more: CustomerDeps = {}): CustomerDeps {
  return {
    db: database.db,
    config: eko.config,
    vault: testVault,
    breaker: new CircuitBreaker({ failures: 50, cooldownMs: 1_000 }),
    draining: () => false,
    ...more,
  };
}

/** The verification OTP the simulator last texted this customer. */
export function senderOtp(eko: SimulatedEko, mobile: string): string {
  const sms = eko.sim.sms.filter((s) => s.to === mobile && s.purpose === "sender").at(-1);
  if (!sms) throw new Error(`No sender OTP texted to ${mobile}`);
  return sms.otp;
}

/** A customer looked up and verified at this counter, through the desk: their visit's id. */
export async function verifiedCustomer(database: TestDatabase, eko: SimulatedEko, counter: Counter, mobile = newCustomer()) {
  const deps = customerDeps(database, eko);
  const looked = await lookUpCustomer(mobile, counter, randomUUID(), deps);
  if (looked.status !== "otp-sent") throw new Error(`Look-up not sent: ${looked.status}`);
  const verified = await verifyCustomer(looked.visitId, senderOtp(eko, mobile), counter, deps);
  if (verified.status !== "verified") throw new Error(`Not verified: ${verified.status}`);
  return { visitId: looked.visitId, mobile };
}

export async function visitRow(db: Db, visitId: string) {
  return (await db.select().from(customerVisits).where(eq(customerVisits.id, visitId)))[0];
}

/** Everything the desk stored about customers and Eko calls, as text: what a leaked backup would show. */
export async function storedText(db: Db): Promise<string> {
  return JSON.stringify([await db.select().from(ekoCalls), await db.select().from(customerVisits)]);
}

/** Every table of the test's schema, every row, as text: what a whole-database backup would hold. */
export async function everyTableText(db: Db): Promise<string> {
  const rowsOf = (result: unknown) => ((result as { rows?: unknown[] }).rows ?? (result as unknown[])) as Record<string, unknown>[];
  const tables = rowsOf(
    await db.execute(sql`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`),
  );
  const dump: Record<string, unknown> = {};
  for (const { table_name: name } of tables) dump[String(name)] = rowsOf(await db.execute(sql.raw(`select * from "${String(name)}"`)));
  return JSON.stringify(dump);
}
