import "server-only";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/open";
import { runTransaction } from "@/lib/db/transaction";

/**
 * Runs `work` in one transaction holding the account's lock, so that for one username the sign-in throttle's count
 * and record, a password check's confirmation and a password reset happen one at a time, on every instance.
 */
export async function withAccountLock<T>(db: Db, username: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return runTransaction(db, "account-lock", async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('levin-desk.account'), hashtext(${username}))`);
    return work(tx);
  });
}

/** The same for one client address: attempts from it are counted and recorded one at a time. */
export async function lockAddress(tx: Tx, address: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('levin-desk.address'), hashtext(${address}))`);
}
