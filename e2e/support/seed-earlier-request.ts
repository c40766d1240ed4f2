import { closeDb, getDb } from "@/lib/db/client";
import { newClientRefId } from "@/lib/eko/client-ref-id";
import { recordLimited } from "@/lib/otp-requests/ledger-repository";
import { getMobileVault } from "@/lib/privacy/mobile-vault";
import { EARLIER_REQUEST } from "./earlier-request";

/**
 * Writes, before the suite's app starts, one OTP request made days ago: the review opens on today, and only a wider
 * range shows it. A request the desk refused under a limit, written through the ledger's own path (rollups included);
 * once per data directory (its submission id).
 */
async function main() {
  const db = await getDb();
  const createdAt = new Date(Date.now() - EARLIER_REQUEST.daysAgo * 86_400_000);
  const clientRefId = newClientRefId(createdAt.getTime());
  await recordLimited(
    db,
    {
      submissionId: "e2e-earlier-request",
      clientRefId,
      agent: EARLIER_REQUEST.agent,
      userCode: "20810200",
      ...getMobileVault().protect(EARLIER_REQUEST.mobile),
      recipientId: 10017740,
      amount: EARLIER_REQUEST.amount,
      createdAt,
    },
    { limit: "mobile-24h", result: { status: "limited", limit: "mobile-24h", max: 5, retryAt: createdAt.toISOString(), clientRefId } },
  );
}

main()
  .catch((error: unknown) => {
    console.error(`Could not write the earlier request: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
