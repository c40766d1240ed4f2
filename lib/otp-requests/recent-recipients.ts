import "server-only";
import { and, desc, eq, max, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/open";
import { otpRequests } from "@/lib/db/schema";
import { getMobileVault } from "@/lib/privacy/mobile-vault";

export type RecentRecipient = { recipientId: string; beneficiaryId: string | null };

export const RECENT_RECIPIENTS_LIMIT = 5;

/**
 * The distinct (recipient, beneficiary) pairs this agent's own OTPs went to for one customer, latest first. Only
 * sent requests count: a recipient Eko refused is no quick pick. The mobile is matched by its keyed hash.
 */
export async function listRecentRecipients(db: Db, query: { agent: string; mobileHash: string; limit?: number }): Promise<RecentRecipient[]> {
  const rows = await db
    .select({ recipientId: otpRequests.recipientId, beneficiaryId: otpRequests.beneficiaryId, lastAt: max(otpRequests.createdAt) })
    .from(otpRequests)
    .where(and(eq(otpRequests.agent, query.agent), eq(otpRequests.customerMobileHash, query.mobileHash), eq(otpRequests.state, "sent")))
    .groupBy(otpRequests.recipientId, otpRequests.beneficiaryId)
    .orderBy(desc(sql`max(${otpRequests.createdAt})`))
    .limit(query.limit ?? RECENT_RECIPIENTS_LIMIT);
  return rows.map((row) => ({ recipientId: String(row.recipientId), beneficiaryId: row.beneficiaryId ?? null }));
}

/** For the transfer form's quick picks: `mobile` is already normalised to 10 digits. */
export async function getRecentRecipients(agent: string, mobile: string): Promise<RecentRecipient[]> {
  return listRecentRecipients(await getDb(), { agent, mobileHash: getMobileVault().hash(mobile) });
}
