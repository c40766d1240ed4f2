import "server-only";
import { asc, gt, sql } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/open";
import { authSessions, ekoCalls, otpFlaggedCustomers, otpRequests, refunds, transfers } from "@/lib/db/schema";
import { runTransaction } from "@/lib/db/transaction";
import { MobileVault } from "./mobile-vault";

/** The rotation cannot start: the ledger is left exactly as it was. */
export class RotationRefused extends Error {}

export type RotationCounts = {
  otpRequests: number;
  transfers: number;
  refunds: number;
  ekoCalls: number;
  /** Look-ups whose customer never reached an OTP request: no full number to hash again, so their old hash is dropped. */
  ekoCallsForgotten: number;
  sessionsEnded: number;
};

const BATCH = 2_000;

/**
 * Moves the ledger from `oldKey` to `newKey` in one transaction, with every table it touches locked: each OTP
 * request's mobile is opened with the old key, sealed and hashed with the new one; every other customer hash follows
 * its OTP request (transfers, refunds) or the old→new map of those hashes (Eko calls, flagged customers), and a hash
 * the map cannot follow is dropped, since under a leaked key it would give the number away. Every session ends (its
 * cookie was signed under the old key), and with it every customer visit, which held sealed values too.
 */
export async function rotateLedgerKey(db: Db, oldKey: Buffer, newKey: Buffer, progress: (line: string) => void = () => {}): Promise<RotationCounts> {
  if (oldKey.equals(newKey)) throw new RotationRefused("The new key is the key in use: nothing to rotate.");
  const from = new MobileVault(oldKey);
  const to = new MobileVault(newKey);
  return runTransaction(db, "rotate-ledger-key", async (tx) => {
    await tx.execute(
      sql`lock table ${otpRequests}, ${transfers}, ${refunds}, ${ekoCalls}, ${otpFlaggedCustomers}, ${authSessions} in exclusive mode`,
    );
    await checkOldKey(tx, from);
    await tx.execute(sql`create temporary table rotated_hashes (old_hash char(64) primary key, new_hash char(64) not null) on commit drop`);
    const counts = { otpRequests: await resealOtpRequests(tx, from, to, progress) };

    const followed = await tx.execute(sql`update ${transfers} t set customer_mobile_hash = o.customer_mobile_hash from ${otpRequests} o
      where o.id = t.otp_request_id and t.customer_mobile_hash <> o.customer_mobile_hash`);
    const refunded = await tx.execute(sql`update ${refunds} r set customer_mobile_hash = t.customer_mobile_hash from ${transfers} t
      where t.id = r.transfer_id and r.customer_mobile_hash <> t.customer_mobile_hash`);
    const calls = await tx.execute(
      sql`update ${ekoCalls} e set customer_mobile_hash = m.new_hash from rotated_hashes m where e.customer_mobile_hash = m.old_hash`,
    );
    const forgotten = await tx.execute(sql`update ${ekoCalls} set customer_mobile_hash = null where customer_mobile_hash is not null
      and customer_mobile_hash not in (select new_hash from rotated_hashes)`);
    await tx.execute(
      sql`update ${otpFlaggedCustomers} f set customer_mobile_hash = m.new_hash from rotated_hashes m where f.customer_mobile_hash = m.old_hash`,
    );
    await tx.execute(sql`delete from ${otpFlaggedCustomers} where customer_mobile_hash not in (select new_hash from rotated_hashes)`);
    const sessions = await tx.delete(authSessions).returning({ id: authSessions.id });
    return {
      ...counts,
      transfers: affected(followed),
      refunds: affected(refunded),
      ekoCalls: affected(calls),
      ekoCallsForgotten: affected(forgotten),
      sessionsEnded: sessions.length,
    };
  });
}

/** A wrong "old" key would fail halfway; refusing before the first write says so plainly instead. */
async function checkOldKey(tx: Tx, from: MobileVault): Promise<void> {
  const [row] = await tx.select({ sealed: otpRequests.customerMobileEncrypted }).from(otpRequests).limit(1);
  if (!row) return;
  try {
    from.decrypt(row.sealed);
  } catch {
    throw new RotationRefused("The key in use (LEDGER_KEY, or the embedded database's ledger.key) does not open this ledger's rows.");
  }
}

async function resealOtpRequests(tx: Tx, from: MobileVault, to: MobileVault, progress: (line: string) => void): Promise<number> {
  let after = 0;
  let done = 0;
  for (;;) {
    const rows = await tx
      .select({ id: otpRequests.id, sealed: otpRequests.customerMobileEncrypted, hash: otpRequests.customerMobileHash })
      .from(otpRequests)
      .where(gt(otpRequests.id, after))
      .orderBy(asc(otpRequests.id))
      .limit(BATCH);
    if (rows.length === 0) return done;
    const moved = rows.map(({ id, sealed, hash }) => {
      const mobile = from.decrypt(sealed);
      return { id, oldHash: hash, newHash: to.hash(mobile), sealed: to.encrypt(mobile) };
    });
    const values = sql.join(
      moved.map((m) => sql`(${m.id}::bigint, ${m.newHash}, ${m.sealed})`),
      sql`, `,
    );
    await tx.execute(sql`update ${otpRequests} o set customer_mobile_hash = v.hash, customer_mobile_encrypted = v.sealed
      from (values ${values}) as v(id, hash, sealed) where o.id = v.id`);
    const pairs = sql.join(
      moved.map((m) => sql`(${m.oldHash}, ${m.newHash})`),
      sql`, `,
    );
    await tx.execute(sql`insert into rotated_hashes (old_hash, new_hash) values ${pairs} on conflict do nothing`);
    done += rows.length;
    after = rows[rows.length - 1]!.id;
    progress(`${done.toLocaleString("en-US")} OTP requests sealed under the new key`);
  }
}

const affected = (result: { rowCount: number | null }) => result.rowCount ?? 0;
