import { formatRupees } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import type { CustomerCard } from "@/lib/customers/visit-result";

/** The verified customer at a glance: who they are, their KYC, and how much they may still send this month. */
export function CustomerCardView({ card, locale, t }: { card: CustomerCard; locale: Locale; t: Translate }) {
  const rupees = (amount: number | null) => (amount === null ? "—" : formatRupees(amount, locale));
  const kyc = card.kycState === null ? t("card.kycUnknown") : card.kycState === 0 ? t("card.kycMinimum") : t("card.kycFull", { level: card.kycState });
  const rows = [
    { label: t("card.name"), value: card.name || "—" },
    { label: t("card.mobile"), value: card.mobileMasked },
    { label: t("card.kyc"), value: kyc },
    { label: t("card.monthlyLimit"), value: rupees(card.monthlyLimit) },
    { label: t("card.used"), value: rupees(card.used) },
  ];
  return (
    <section aria-labelledby="customer-card-title" data-testid="customer-card" className="mt-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:hidden">
      <h2 id="customer-card-title" className="text-base font-semibold">
        {t("card.title")}
      </h2>
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
        {rows.map((row) => (
          <div key={row.label}>
            <dt className="text-slate-600">{row.label}</dt>
            <dd className="font-medium text-slate-900">{row.value}</dd>
          </div>
        ))}
        <div className="col-span-2 rounded-md bg-emerald-50 px-3 py-2">
          <dt className="text-emerald-900">{t("card.remaining")}</dt>
          <dd data-testid="customer-remaining" className="text-xl font-bold tabular-nums text-emerald-950">
            {rupees(card.remaining)}
          </dd>
        </div>
      </dl>
      {card.panRequired ? <p className="mt-3 text-sm text-amber-900">{t("card.panNow")}</p> : null}
      {card.panRequiredFrom !== null ? <p className="mt-2 text-sm text-slate-700">{t("card.panFrom", { amount: rupees(card.panRequiredFrom) })}</p> : null}
    </section>
  );
}
