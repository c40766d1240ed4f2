import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { randomUUID } from "node:crypto";
import { RefreshWhileVisible } from "@/components/refresh-while-visible";
import { RefundStep } from "@/components/refund-step";
import { TransferStatus } from "@/components/transfer-status";
import { requirePagePermission } from "@/lib/auth/guard";
import { getTranslator } from "@/lib/i18n/server";
import { getAgentRefundStep } from "@/lib/refunds/queries";
import { getAgentTransfer } from "@/lib/transfers/queries";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("receipt.title") };
}

/** One of the agent's transfers: its receipt once it succeeded, else where it stands, and its refund when one is due. */
export default async function TransferPage({ params }: { params: Promise<{ ref: string }> }) {
  const { ref } = await params;
  const user = await requirePagePermission("counter", `/transfers/${encodeURIComponent(ref)}`);
  const transfer = await getAgentTransfer(ref, user.username);
  if (!transfer) notFound();
  const { t } = await getTranslator();
  const refund = await getAgentRefundStep(ref, user.username);
  const showRefund = refund && (transfer.state === "refund-pending" || refund.latest !== null);
  const agent = user.name || user.username;
  return (
    <div className="mx-auto max-w-md">
      <Link href="/" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline underline-offset-2 print:hidden">
        {t("receipt.back")}
      </Link>
      <TransferStatus initial={transfer} agent={agent} />
      {showRefund ? (
        <>
          {/* An unanswered refund is settled by the inquiry worker: its outcome shows up here as it lands. */}
          {refund.latest?.checking ? <RefreshWhileVisible everyMs={3_000} /> : null}
          <RefundStep transfer={transfer} step={refund} agent={agent} otpSubmissionId={randomUUID()} refundSubmissionId={randomUUID()} />
        </>
      ) : null}
    </div>
  );
}
