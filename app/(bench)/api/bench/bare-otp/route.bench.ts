import { randomInt } from "node:crypto";
import { publicRoute } from "@/lib/auth/guard";
import { bareHandlerEnabled } from "@/lib/bench/bare-routes";
import { newClientRefId } from "@/lib/eko/client-ref-id";
import { getEkoConfig } from "@/lib/eko/config";
import { sendTransactionOtp } from "@/lib/eko/send-transaction-otp";

/**
 * The floor the OTP path is measured against: no session, no validation, no limits, no ledger; one signed call to
 * Eko (the simulator in the bench) with the same client the desk uses, and its outcome as JSON.
 */
export const POST = publicRoute(async () => {
  if (!bareHandlerEnabled()) return new Response(null, { status: 404 });
  const config = getEkoConfig();
  const outcome = await sendTransactionOtp(
    {
      clientRefId: newClientRefId(),
      userCode: config.userCode,
      recipientId: 10017740,
      amount: 100 + randomInt(24_900),
      customerMobile: `9${String(100_000_000 + randomInt(800_000_000))}`,
      beneficiaryId: undefined,
    },
    { config },
  );
  return Response.json({ status: outcome.kind });
});
