import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TransferStep } from "@/components/transfer-step";
import { requirePagePermission } from "@/lib/auth/guard";
import { getTranslator } from "@/lib/i18n/server";
import { getAgentSentOtpRequest, getLiveTransferFor } from "@/lib/transfers/queries";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("transfer.otp.label") };
}

/** An OTP the agent sent earlier, opened again from "My recent transfers": take the customer's OTP and transfer. */
export default async function OtpRequestPage({ params }: { params: Promise<{ ref: string }> }) {
  const { ref } = await params;
  const user = await requirePagePermission("counter", `/otp/${encodeURIComponent(ref)}`);
  const [request, existing] = await Promise.all([getAgentSentOtpRequest(ref, user.username), getLiveTransferFor(ref, user.username)]);
  if (!request) notFound();
  const { t } = await getTranslator();
  return (
    <div className="mx-auto max-w-md">
      <Link href="/" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline underline-offset-2 print:hidden">
        {t("receipt.back")}
      </Link>
      <TransferStep details={request} agent={user.name || user.username} askLocation={!user.shopLatlong} existing={existing ?? null} />
    </div>
  );
}
