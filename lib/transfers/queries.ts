import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { otpRequests, transfers } from "@/lib/db/schema";
import { maskMobile } from "@/lib/privacy/mask";
import { findLiveTransfer, findTransfer } from "./repository";
import { transferViewOf, type TransferView } from "./view";

/** The agent's own transfer, as their screens show it; undefined for anyone else's. */
export async function getAgentTransfer(ref: string, agent: string): Promise<TransferView | undefined> {
  const row = await findTransfer(await getDb(), ref);
  return row && row.agent === agent ? transferViewOf(row) : undefined;
}

/** An OTP request of the agent's that Eko sent an OTP for, as the OTP step shows it. */
export type SentOtpRequest = {
  ref: string;
  amount: number;
  customerMobileMasked: string;
  recipientId: number;
  beneficiaryId: string | null;
  recipient: { name: string; bank: string; accountMasked: string } | null;
  sentAt: string;
};

export async function getAgentSentOtpRequest(ref: string, agent: string): Promise<SentOtpRequest | undefined> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(otpRequests)
    .where(and(eq(otpRequests.clientRefId, ref), eq(otpRequests.agent, agent), eq(otpRequests.state, "sent")))
    .limit(1);
  if (!row) return undefined;
  return {
    ref: row.clientRefId,
    amount: row.amount,
    customerMobileMasked: maskMobile(row.customerMobileLast4),
    recipientId: row.recipientId,
    beneficiaryId: row.beneficiaryId,
    recipient: row.recipientName ? { name: row.recipientName, bank: row.recipientBank ?? "", accountMasked: row.recipientAccountMasked ?? "" } : null,
    sentAt: (row.completedAt ?? row.createdAt).toISOString(),
  };
}

/** The transfer on the agent's OTP request that may have moved money, if one was made. */
export async function getLiveTransferFor(otpRequestRef: string, agent: string): Promise<TransferView | undefined> {
  const db = await getDb();
  const [request] = await db
    .select({ id: otpRequests.id })
    .from(otpRequests)
    .where(and(eq(otpRequests.clientRefId, otpRequestRef), eq(otpRequests.agent, agent)))
    .limit(1);
  const row = request && (await findLiveTransfer(db, request.id));
  return row ? transferViewOf(row) : undefined;
}

/** One line of "My recent transfers": the OTP request, and the latest transfer made on it if any. */
export type RecentTransfer = {
  otpRequestRef: string;
  otpState: (typeof otpRequests.$inferSelect)["state"];
  amount: number;
  customerMobileMasked: string;
  recipientId: number;
  createdAt: string;
  transfer: { ref: string; state: TransferView["state"]; recipientName: string | null } | null;
};

export async function getAgentRecentTransfers(agent: string, limit = 10): Promise<RecentTransfer[]> {
  const db = await getDb();
  const latest = db
    .select({ ref: transfers.clientRefId, state: transfers.state, recipientName: transfers.recipientName })
    .from(transfers)
    .where(eq(transfers.otpRequestId, otpRequests.id))
    .orderBy(desc(transfers.id))
    .limit(1)
    .as("latest");
  const rows = await db
    .select({ request: otpRequests, ref: latest.ref, state: latest.state, recipientName: latest.recipientName })
    .from(otpRequests)
    .leftJoinLateral(latest, sql`true`)
    .where(eq(otpRequests.agent, agent))
    .orderBy(desc(otpRequests.createdAt), desc(otpRequests.id))
    .limit(limit);
  return rows.map(({ request, ref, state, recipientName }) => ({
    otpRequestRef: request.clientRefId,
    otpState: request.state,
    amount: request.amount,
    customerMobileMasked: maskMobile(request.customerMobileLast4),
    recipientId: request.recipientId,
    createdAt: request.createdAt.toISOString(),
    transfer: ref && state ? { ref, state, recipientName } : null,
  }));
}

/** One of the agent's transfers waiting on the agent: Eko owes the customer a refund (#20 adds the refund itself). */
export type ActionDue = { ref: string; amount: number; customerMobileMasked: string; recipientName: string | null; createdAt: string };

/** The agent's own transfers in refund pending, newest first: the top of their desk until each is settled. */
export async function getAgentActionsDue(agent: string, limit = 20): Promise<ActionDue[]> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(transfers)
    .where(and(eq(transfers.agent, agent), eq(transfers.state, "refund-pending")))
    .orderBy(desc(transfers.createdAt), desc(transfers.id))
    .limit(limit);
  return rows.map((row) => ({
    ref: row.clientRefId,
    amount: row.amount,
    customerMobileMasked: maskMobile(row.customerMobileLast4),
    recipientName: row.recipientName,
    createdAt: row.createdAt.toISOString(),
  }));
}
