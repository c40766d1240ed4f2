import "server-only";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { ekoCalls } from "@/lib/db/schema";
import { getSender } from "@/lib/eko/operations/get-sender";
import { getLimitSettings } from "@/lib/otp-requests/limit-settings";
import { windowSizes } from "@/lib/otp-requests/limits";
import type { LookUpResult } from "./visit-result";

/**
 * A sender-verification OTP is an SMS too: Get Sender is held to the same windows and sizes as transaction OTPs,
 * counted over its own ledger rows. Checked before the call, not under a lock: two look-ups racing for the last
 * place may both go, which costs one SMS, never money.
 */
export async function senderLookUpLimited(db: Db, who: { agent: string; mobileHash: string }, at: Date): Promise<Extract<LookUpResult, { status: "limited" }> | null> {
  // Eko texts only when it answers with an OTP reference, or may have (pending, unknown); a 308 texts nothing.
  const counted = and(eq(ekoCalls.operation, getSender.name), inArray(ekoCalls.state, ["ok", "pending", "unknown"]));
  let worst: { limit: Extract<LookUpResult, { status: "limited" }>["limit"]; max: number; retryAt: Date } | null = null;
  for (const window of windowSizes(getLimitSettings())) {
    const scope = window.by === "mobile" ? eq(ekoCalls.customerMobileHash, who.mobileHash) : eq(ekoCalls.agent, who.agent);
    const [nth] = await db
      .select({ at: ekoCalls.createdAt })
      .from(ekoCalls)
      .where(and(scope, counted, gt(ekoCalls.createdAt, new Date(at.getTime() - window.ms))))
      .orderBy(sql`${ekoCalls.createdAt} desc`)
      .offset(window.max - 1)
      .limit(1);
    if (!nth) continue;
    const retryAt = new Date(nth.at.getTime() + window.ms);
    if (!worst || retryAt > worst.retryAt) worst = { limit: window.limit, max: window.max, retryAt };
  }
  return worst ? { status: "limited", limit: worst.limit, max: worst.max, retryAt: worst.retryAt.toISOString() } : null;
}
