import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AddRecipientForm } from "@/components/add-recipient-form";
import { requirePagePermission } from "@/lib/auth/guard";
import { visitSummary } from "@/lib/customers/recipients";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("addRecipient.meta") };
}

/** A new recipient for a verified customer; back on the customer's page with it picked once Eko has added it. */
export default async function AddRecipientPage({ params }: { params: Promise<{ visit: string }> }) {
  const { visit: visitId } = await params;
  const user = await requirePagePermission("counter", `/customers/${encodeURIComponent(visitId)}/add-recipient`);
  const summary = await visitSummary(visitId, user.sessionId);
  // Only a verified customer has a wallet token to add a bank account with; the customer's page says what else to do.
  if (!summary || summary.state !== "verified") redirect(`/customers/${encodeURIComponent(visitId)}`);
  const { t } = await getTranslator();
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-xl font-semibold">{t("addRecipient.title")}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {summary.card?.name ? `${summary.card.name} · ` : ""}
        {summary.mobileMasked}
      </p>
      <p className="mt-2 text-sm text-slate-700">{t("addRecipient.intro")}</p>
      <AddRecipientForm visitId={summary.id} submissionId={randomUUID()} />
      <Link href={`/customers/${summary.id}`} className="mt-3 inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline underline-offset-2">
        {t("addRecipient.back")}
      </Link>
    </div>
  );
}
