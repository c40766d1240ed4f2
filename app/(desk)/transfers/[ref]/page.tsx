import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TransferStatus } from "@/components/transfer-status";
import { requirePagePermission } from "@/lib/auth/guard";
import { getTranslator } from "@/lib/i18n/server";
import { getAgentTransfer } from "@/lib/transfers/queries";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("receipt.title") };
}

/** One of the agent's transfers: its receipt once it succeeded, else where it stands and what to do next. */
export default async function TransferPage({ params }: { params: Promise<{ ref: string }> }) {
  const { ref } = await params;
  const user = await requirePagePermission("counter", `/transfers/${encodeURIComponent(ref)}`);
  const transfer = await getAgentTransfer(ref, user.username);
  if (!transfer) notFound();
  const { t } = await getTranslator();
  return (
    <div className="mx-auto max-w-md">
      <Link href="/" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline underline-offset-2 print:hidden">
        {t("receipt.back")}
      </Link>
      <TransferStatus initial={transfer} agent={user.name || user.username} />
    </div>
  );
}
