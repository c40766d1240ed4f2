import "server-only";
import { getDb } from "@/lib/db/client";
import { findTransfer } from "@/lib/transfers/repository";
import { refundsOf } from "./repository";
import { refundViewOf, type RefundView } from "./view";

/** A transfer's refund as its agent's page shows it: the latest attempt, the earlier ones, and the refund OTP's time. */
export type RefundStepView = { latest: RefundView | null; earlier: RefundView[]; otpSentAt: string | null };

export async function getAgentRefundStep(transferRef: string, agent: string): Promise<RefundStepView | undefined> {
  const db = await getDb();
  const transfer = await findTransfer(db, transferRef);
  if (!transfer || transfer.agent !== agent) return undefined;
  const [latest, ...earlier] = (await refundsOf(db, transfer.id)).map(refundViewOf);
  return { latest: latest ?? null, earlier, otpSentAt: transfer.refundOtpSentAt?.toISOString() ?? null };
}
