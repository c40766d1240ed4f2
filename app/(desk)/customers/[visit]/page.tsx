import type { Metadata } from "next";
import Link from "next/link";
import { CustomerCardView } from "@/components/customer-card";
import { OtpFailureAlert } from "@/components/lazy-alerts";
import { TransferForm } from "@/components/customer-steps";
import { VisitStep } from "@/components/visit-step";
import { requirePagePermission } from "@/lib/auth/guard";
import { describeRecipients } from "@/lib/customers/customer-message";
import { customerForForm, visitSummary } from "@/lib/customers/recipients";
import { counterFor } from "@/lib/customers/service";
import { getDeskSettings } from "@/lib/eko/config";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("visit.meta") };
}

const linkClass = "inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline underline-offset-2";

/**
 * One customer at this agent's counter, by the visit's unguessable reference (never the mobile): enrolment and the KYC
 * steps Eko asks for, or the verification OTP, until they are verified; then their card, recipients and the transfer.
 */
export default async function CustomerPage({
  params,
  searchParams,
}: {
  params: Promise<{ visit: string }>;
  searchParams: Promise<{ picked?: string; step?: string }>;
}) {
  const [{ visit: visitId }, { picked, step }] = await Promise.all([params, searchParams]);
  const user = await requirePagePermission("counter", `/customers/${encodeURIComponent(visitId)}`);
  const i18n = await getTranslator();
  const { locale, t } = i18n;
  const summary = await visitSummary(visitId, user.sessionId);
  const counter = counterFor(user);
  const back = (
    <Link href="/" className={linkClass}>
      {t("counter.otherCustomer")}
    </Link>
  );
  if (!summary || !counter) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="text-xl font-semibold">{t("visit.gone.title")}</h1>
        <p className="mt-1 text-sm text-slate-700">{t("visit.gone.next")}</p>
        {back}
      </div>
    );
  }
  if (summary.state !== "verified" || !summary.card) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="text-xl font-semibold">{t("visit.meta")}</h1>
        <VisitStep summary={summary} step={step} />
        {back}
      </div>
    );
  }
  const pickedId = /^\d{1,15}$/.test(picked ?? "") ? Number(picked) : null;
  const loaded = await customerForForm(summary.id, counter, pickedId);
  const { minAmount, maxAmount } = getDeskSettings();
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-xl font-semibold print:hidden">{summary.card.name || t("visit.meta")}</h1>
      <CustomerCardView card={loaded.card ?? summary.card} locale={locale} t={t} />
      {loaded.status === "ok" ? (
        <TransferForm
          bounds={{ minAmount, maxAmount }}
          customer={loaded.customer}
          agent={user.name || user.username}
          askLocation={!user.shopLatlong}
        />
      ) : (
        <OtpFailureAlert copy={describeRecipients(loaded.result, i18n)} eko={"eko" in loaded.result ? loaded.result.eko : null} />
      )}
      <div className="mt-3 flex flex-wrap gap-x-6 print:hidden">
        <Link href={`/customers/${summary.id}/add-recipient`} className={linkClass}>
          {t("picker.add")}
        </Link>
        {back}
      </div>
    </div>
  );
}
