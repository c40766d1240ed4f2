import Link from "next/link";
import { formatIndiaTime, formatRupees } from "@/lib/format";
import type { I18n } from "@/lib/i18n/translate";
import type { TransferView } from "@/lib/transfers/view";

/** The filtered transfers, newest first, each linking to its detail and Eko calls. */
export function TransfersTable({ rows, i18n }: { rows: TransferView[]; i18n: I18n }) {
  const { locale, t } = i18n;
  if (rows.length === 0) return <p className="mt-4 text-sm text-slate-600">{t("transfers.none")}</p>;
  return (
    <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="transfers-table">
        <thead className="bg-slate-50 text-xs uppercase text-slate-600">
          <tr>
            {(["time", "agent", "customer", "recipient", "amount", "state", "tid"] as const).map((col) => (
              <th key={col} scope="col" className="px-3 py-2 font-semibold whitespace-nowrap">
                {t(`transfers.col.${col}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.ref}>
              <td className="px-3 py-2 whitespace-nowrap">
                <Link
                  href={`/requests/transfers/${row.ref}`}
                  className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-2"
                >
                  {formatIndiaTime(row.createdAt, locale)}
                </Link>
              </td>
              <td className="px-3 py-2">{row.agent}</td>
              <td className="px-3 py-2 font-mono">{row.customerMobileMasked}</td>
              <td className="px-3 py-2">{row.recipientName ?? row.recipientId}</td>
              <td className="px-3 py-2 tabular-nums">{formatRupees(row.amount, locale)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{t(`transferState.${row.state}`)}</td>
              <td className="px-3 py-2 font-mono">{row.tid ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
