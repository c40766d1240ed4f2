import type { Db } from "@/lib/db/open";
import { otpRequests, type TransferRow, type TransferState } from "@/lib/db/schema";
import { ledgerRow, MOBILES, testVault } from "@/lib/otp-requests/testing/ledger-rows";
import { completeTransfer, insertPendingTransfer } from "../repository";

export type TransferSpec = { at: string | Date; agent?: string; amount?: number; mobile?: string; state?: TransferState; feePaise?: number | null };

let sequence = 0;

/** A transfer written the way the desk writes one: pending first (on its own OTP request), then Initiate's outcome. */
export async function writeTransfer(db: Db, spec: TransferSpec): Promise<TransferRow> {
  sequence += 1;
  const agent = spec.agent ?? "asha";
  const amount = spec.amount ?? 500;
  const mobile = spec.mobile ?? MOBILES.x;
  const [otp] = await db
    .insert(otpRequests)
    .values(ledgerRow({ at: spec.at, agent, amount, mobile }))
    .returning({ id: otpRequests.id });
  const pending = await insertPendingTransfer(db, {
    clientRefId: `X${String(sequence).padStart(11, "0")}`,
    submissionId: `transfer-${sequence}-${Date.now()}`,
    otpRequestId: otp!.id,
    agent,
    userCode: "20810200",
    customerMobileHash: testVault.hash(mobile),
    customerMobileLast4: mobile.slice(-4),
    recipientId: 10017740,
    amount,
    channel: 0,
    createdAt: new Date(spec.at),
  });
  if (!pending) throw new Error("transfer not inserted");
  if (!spec.state || spec.state === "pending") return pending;
  const done = await completeTransfer(db, pending.clientRefId, { state: spec.state, feePaise: spec.feePaise ?? null, completedAt: new Date() });
  return done!;
}
