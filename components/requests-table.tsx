import { CopyButton } from "@/components/copy-button";
import { OutcomeBadge } from "@/components/outcome-badge";
import { useI18n } from "@/components/locale-provider";
import { formatIndiaTime, formatRupees } from "@/lib/format";
import type { ReviewRow } from "@/lib/otp-requests/review-filters";
import { DataTable } from "@/components/ui/data-table";

function ekoCodes(row: ReviewRow): string {
  return [
    row.httpStatus != null && row.httpStatus !== 200 ? `HTTP ${row.httpStatus}` : null,
    row.ekoStatus != null ? `status ${row.ekoStatus}` : null,
    row.ekoResponseTypeId != null ? `type ${row.ekoResponseTypeId}` : null,
    row.failureReason,
  ]
    .filter(Boolean)
    .join(" · ");
}

const COLUMNS = ["time", "agent", "customer", "recipient", "beneficiary", "amount", "outcome", "ekoSaid", "otpRef", "latency"] as const;

const shorten = (ref: string) => (ref.length > 14 ? `${ref.slice(0, 8)}…${ref.slice(-4)}` : ref);

export function RequestsTable({ rows }: { rows: ReviewRow[] }) {
  const { locale, t } = useI18n();
  if (rows.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">{t("requests.none")}</p>;
  }
  return (
    <DataTable columns={COLUMNS.map((column) => t(`requests.col.${column}`))} caption={t("requests.caption")}>
      {rows.map((row) => (
        <tr key={row.id} data-request-id={row.id} className={row.state === "unknown" ? "bg-amber-50" : undefined}>
          <td className="whitespace-nowrap px-3 py-2">
            <time dateTime={row.createdAt}>{formatIndiaTime(row.createdAt, locale)}</time>
          </td>
          <td className="px-3 py-2">{row.agent}</td>
          <td className="whitespace-nowrap px-3 py-2 font-mono">{row.customerMobileMasked}</td>
          <td className="px-3 py-2">
            <span className="tabular-nums">{row.recipientId}</span>
            {row.recipientName ? (
              <span className="block text-xs text-slate-600">
                {row.recipientName}, {row.recipientBank} {row.recipientAccountMasked}
              </span>
            ) : null}
          </td>
          <td className="px-3 py-2">{row.beneficiaryId ?? "—"}</td>
          <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{formatRupees(row.amount, locale)}</td>
          <td className="px-3 py-2">
            <OutcomeBadge state={row.state} />
          </td>
          <td className="min-w-48 px-3 py-2">
            {row.ekoMessage ? <span>{row.ekoMessage}</span> : null}
            {ekoCodes(row) ? <span className="block font-mono text-xs text-slate-500">{ekoCodes(row)}</span> : null}
          </td>
          <td className="whitespace-nowrap px-3 py-2">
            {row.otpRefId ? (
              <span className="inline-flex items-center gap-2">
                <span className="font-mono text-xs" title={row.otpRefId}>
                  {shorten(row.otpRefId)}
                </span>
                <CopyButton text={row.otpRefId} label={t("copy.otpRefOf", { id: row.id })} />
              </span>
            ) : (
              "—"
            )}
          </td>
          <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{row.latencyMs != null ? `${row.latencyMs} ms` : "—"}</td>
        </tr>
      ))}
    </DataTable>
  );
}
