import { formatIndiaTime, formatRupees } from "@/lib/format";
import type { I18n, Translate } from "@/lib/i18n/translate";
import type { TransferView } from "@/lib/transfers/view";

type Line = [label: string, value: string];

function lines(view: TransferView, agent: string, { locale, t }: I18n): Line[] {
  const rupees = (value: number | null) => (value === null ? "—" : formatRupees(value, locale));
  const recipient = [view.recipientName ?? `#${view.recipientId}`, view.recipientBank].filter(Boolean).join(", ");
  const all: (Line | null)[] = [
    [t("receipt.tid"), view.tid ?? "—"],
    view.bankRef ? [t("receipt.bankRef"), view.bankRef] : null,
    [t("receipt.recipient"), recipient],
    view.recipientAccountMasked ? [t("receipt.account"), view.recipientAccountMasked] : null,
    [t("receipt.amount"), rupees(view.amount)],
    [t("receipt.fee"), rupees(view.fee)],
    [t("receipt.collect"), rupees(view.collectable ?? view.amount)],
    [t("receipt.time"), formatIndiaTime(view.settledAt ?? view.createdAt, locale)],
    [t("receipt.customer"), view.customerMobileMasked],
    [t("receipt.agent"), agent],
    [t("receipt.shop"), view.userCode],
    [t("transfer.deskRef"), view.ref],
  ];
  return all.filter((line): line is Line => line !== null);
}

/** The receipt as text, for WhatsApp and other share targets. */
export function receiptText(view: TransferView, agent: string, i18n: I18n): string {
  return [i18n.t("receipt.title"), ...lines(view, agent, i18n).map(([label, value]) => `${label}: ${value}`)].join("\n");
}

/**
 * A successful transfer's receipt. Narrow and plain, so it prints the same on a 58 mm or 80 mm thermal roll and on A4
 * (the desk's header and buttons are hidden on paper).
 */
export function TransferReceipt({ view, agent, i18n }: { view: TransferView; agent: string; i18n: I18n & { t: Translate } }) {
  const { t } = i18n;
  return (
    <article
      aria-labelledby={`receipt-${view.ref}`}
      data-testid="receipt"
      className="receipt mt-4 rounded-md border border-slate-300 bg-white p-3 text-sm print:mt-0 print:border-0 print:p-0 print:text-xs"
    >
      <h3 id={`receipt-${view.ref}`} className="text-center text-base font-bold print:text-sm">
        {t("app.name")} · {t("receipt.title")}
      </h3>
      <dl className="mt-2 divide-y divide-dashed divide-slate-300">
        {lines(view, agent, i18n).map(([label, value]) => (
          <div key={label} className="flex flex-wrap justify-between gap-x-3 py-1">
            <dt className="text-slate-600 print:text-black">{label}</dt>
            <dd className="min-w-0 break-all text-right font-medium tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-center text-xs text-slate-600 print:text-black">{t("receipt.thanks")}</p>
    </article>
  );
}
