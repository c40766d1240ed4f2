import "server-only";
import { and, eq, gte, lt, or, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/lib/db/open";
import { signInAttempts } from "@/lib/db/schema";
import { lockAddress, withAccountLock } from "./account-lock";

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** Failed or unfinished attempts for one username since its last success, within the window, that lock it. */
export const LOCK_AFTER_FOR_USERNAME = 5;
// A whole shop can sit behind one address: lock the address only well after a single username.
const LOCK_AFTER_FOR_ADDRESS = 30;
const KEEP_MS = 24 * 60 * 60 * 1000;

export type ThrottleRefusal = "username" | "address" | "address-rate";
export type Admission = { admitted: true; attemptId: number; failures: number } | { admitted: false; refusal: ThrottleRefusal };

type Attempt = { username: string; ipAddress: string | null; perAddressPerMinute: number; now?: Date };

/**
 * Counts, and if the attempt may go ahead records it, before any password is checked: N attempts sent together are
 * counted one after another, so they get at most the five guesses one at a time would. An attempt counts as failed
 * until it is settled as a success. A refused attempt writes nothing: it cannot extend a lock or fill a table.
 */
export async function admitSignIn(db: Db, attempt: Attempt): Promise<Admission> {
  const { username, ipAddress, perAddressPerMinute } = attempt;
  const now = attempt.now ?? new Date();
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const minuteAgo = new Date(now.getTime() - 60_000);
  return withAccountLock(db, username, async (tx) => {
    if (ipAddress) await lockAddress(tx, ipAddress);
    const lastSuccess = tx
      .select({ id: sql`max(${signInAttempts.id})` })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.username, username), eq(signInAttempts.outcome, "succeeded"), gte(signInAttempts.at, since)));
    const unsucceeded = sql`${signInAttempts.outcome} <> 'succeeded'`;
    const fromAddress = ipAddress ? eq(signInAttempts.ipAddress, ipAddress) : sql`false`;
    const [counts] = await tx
      .select({
        forUsername: sql<number>`count(*) filter (where ${signInAttempts.username} = ${username} and ${unsucceeded} and ${signInAttempts.id} > coalesce((${lastSuccess}), 0))`.mapWith(Number),
        // Failures already known: a shop's agents signing in together from one address must not lock it while their
        // checks are still running (the per-minute cap bounds a burst).
        forAddress: sql<number>`count(*) filter (where ${fromAddress} and ${signInAttempts.outcome} = 'failed')`.mapWith(Number),
        lastMinuteFromAddress: sql<number>`count(*) filter (where ${fromAddress} and ${signInAttempts.at} >= ${minuteAgo})`.mapWith(Number),
      })
      .from(signInAttempts)
      .where(and(gte(signInAttempts.at, since), or(eq(signInAttempts.username, username), fromAddress)));
    const { forUsername = 0, forAddress = 0, lastMinuteFromAddress = 0 } = counts ?? {};
    if (forUsername >= LOCK_AFTER_FOR_USERNAME) return { admitted: false, refusal: "username" } as const;
    if (forAddress >= LOCK_AFTER_FOR_ADDRESS) return { admitted: false, refusal: "address" } as const;
    if (lastMinuteFromAddress >= perAddressPerMinute) return { admitted: false, refusal: "address-rate" } as const;

    const [row] = await tx.insert(signInAttempts).values({ at: now, username, ipAddress }).returning({ id: signInAttempts.id });
    await tx.delete(signInAttempts).where(lt(signInAttempts.at, new Date(now.getTime() - KEEP_MS)));
    return { admitted: true, attemptId: row!.id, failures: Math.max(forUsername, Math.floor(forAddress / 6)) } as const;
  });
}

/** Gives a recorded attempt its outcome; only a success stops it counting against the username. */
export async function settleSignIn(db: Queryable, attemptId: number, outcome: "failed" | "succeeded"): Promise<void> {
  await db.update(signInAttempts).set({ outcome }).where(eq(signInAttempts.id, attemptId));
}
