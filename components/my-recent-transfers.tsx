import Link from "next/link";
import { OutcomeBadge } from "@/components/outcome-badge";
import { TransferBadge } from "@/components/transfer-badge";
import { formatIndiaTime, formatRupees } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import type { RecentTransfer } from "@/lib/transfers/queries";

const linkStyle = "inline-flex min-h-11 items-center rounded px-2 font-medium text-brand-700 underline underline-offset-2";

/** The agent's own latest transfers with their stage, and the way to their receipt or their next step. */
export function MyRecentTransfers({ rows, locale, t }: { rows: RecentTransfer[]; locale: Locale; t: Translate }) {
  return (
    <section aria-labelledby="my-recent" className="mt-8 print:hidden">
      <h2 id="my-recent" className="text-base font-semibold">
        {t("recent.title")}
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("recent.none")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="recent-transfers">
          {rows.map((row) => (
            <li key={row.otpRequestRef} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <span className="min-w-0">
                <span className="font-mono">{row.customerMobileMasked}</span> · {formatRupees(row.amount, locale)} ·{" "}
                {row.transfer?.recipientName ?? t("recent.recipient", { recipientId: row.recipientId })}
                <span className="block text-xs text-slate-500">{formatIndiaTime(row.createdAt, locale)}</span>
              </span>
              <span className="flex items-center gap-1">
                {row.transfer ? (
                  <>
                    <TransferBadge state={row.transfer.state} />
                    <Link href={`/transfers/${row.transfer.ref}`} className={linkStyle}>
                      {row.transfer.state === "success" ? t("receipt.open") : t("recent.details")}
                    </Link>
                  </>
                ) : row.otpState === "sent" ? (
                  <>
                    <TransferBadge state="otp-sent" />
                    <Link href={`/otp/${row.otpRequestRef}`} className={linkStyle}>
                      {t("recent.continue")}
                    </Link>
                  </>
                ) : (
                  <OutcomeBadge state={row.otpState} />
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
