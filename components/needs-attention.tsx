import Link from "next/link";
import { formatIndiaTime, formatRupees } from "@/lib/format";
import type { I18n } from "@/lib/i18n/translate";
import type { NeedsAttention as Attention } from "@/lib/transfers/review";

/** "12 min", "3 h", "2 d": how long a transfer has been open. */
export function ageText(ms: number, { t }: Pick<I18n, "t">): string {
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  if (minutes < 60) return t("age.minutes", { n: minutes });
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? t("age.hours", { n: hours }) : t("age.days", { n: Math.floor(hours / 24) });
}

/** The open transfers at the top of the supervisors' pages: counts and oldest age per state, then each, oldest first. */
export function NeedsAttention({ attention, i18n }: { attention: Attention; i18n: I18n }) {
  const { locale, t } = i18n;
  const open = attention.counts.length > 0;
  return (
    <section
      aria-labelledby="needs-attention"
      className={`mt-4 rounded-lg border p-4 text-sm ${open ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white"}`}
    >
      <h2 id="needs-attention" className="font-semibold">
        {t("attention.title")}
      </h2>
      {!open ? (
        <p className="mt-1 text-slate-600">{t("attention.none")}</p>
      ) : (
        <>
          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1" data-testid="attention-counts">
            {attention.counts.map((c) => (
              <li key={c.state}>
                {t("attention.summary", { count: c.count, state: t(`transferState.${c.state}`), age: ageText(c.oldestAgeMs, i18n) })}
              </li>
            ))}
          </ul>
          <ul className="mt-3 divide-y divide-amber-200">
            {attention.items.map((item) => (
              <li key={item.ref} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <Link
                    href={`/requests/transfers/${item.ref}`}
                    className="inline-flex min-h-11 items-center font-mono text-brand-700 underline underline-offset-2"
                  >
                    {item.ref}
                  </Link>{" "}
                  · {item.agent} · {formatRupees(item.amount, locale)} · {formatIndiaTime(item.createdAt, locale)}
                  {item.needsPerson ? <span className="block text-xs font-semibold text-red-800">{t("attention.person")}</span> : null}
                </span>
                <span className="whitespace-nowrap font-medium">
                  {t(`transferState.${item.state}`)} · {ageText(item.ageMs, i18n)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
