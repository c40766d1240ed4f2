import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RefreshWhileVisible } from "@/components/refresh-while-visible";
import { Receipt } from "@/components/receipt";
import { transferReceiptLines } from "@/components/transfer-receipt";
import { requirePagePermission } from "@/lib/auth/guard";
import { formatIndiaTime, formatNumber } from "@/lib/format";
import { getTranslator } from "@/lib/i18n/server";
import { getTransferDetail } from "@/lib/transfers/review";
import { describeTransfer } from "@/lib/transfers/transfer-message";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("transfers.title") };
}

/** One transfer for a supervisor: where it stands, its receipt's facts, and every Eko call made for it. */
export default async function TransferDetailPage({ params }: { params: Promise<{ ref: string }> }) {
  const { ref } = await params;
  await requirePagePermission("review", `/requests/transfers/${encodeURIComponent(ref)}`);
  const detail = await getTransferDetail(ref);
  if (!detail) notFound();
  const i18n = await getTranslator();
  const { locale, t } = i18n;
  const { transfer, calls } = detail;
  const copy = describeTransfer(transfer, i18n);
  return (
    <div className="mx-auto max-w-3xl">
      {/* While Eko is still being asked, each inquiry shows up here as it is made. */}
      {transfer.checking ? <RefreshWhileVisible everyMs={5_000} /> : null}
      <Link href="/requests/transfers" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline underline-offset-2">
        {t("transferDetail.back")}
      </Link>
      <h1 className="mt-2 text-xl font-semibold">
        {t(`transferState.${transfer.state}`)} · <span className="font-mono text-base">{transfer.ref}</span>
      </h1>
      <p className="mt-1 text-sm">{copy.title}</p>
      <div className="max-w-md">
        <Receipt
          id={`receipt-${transfer.ref}`}
          title={`${t("app.name")} · ${t("receipt.title")}`}
          lines={transferReceiptLines(transfer, transfer.agent, i18n)}
          thanks={t("receipt.thanks")}
        />
      </div>
      <h2 className="mt-6 text-base font-semibold">{t("transferDetail.calls")}</h2>
      <div className="mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm" data-testid="transfer-calls">
          <thead className="bg-slate-50 text-xs uppercase text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t("transfers.col.time")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("transferDetail.operation")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("transferDetail.outcome")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("transferDetail.latency")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("transferDetail.eko")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {calls.map((call) => (
              <tr key={call.clientRefId}>
                <td className="px-3 py-2 whitespace-nowrap">{formatIndiaTime(call.at, locale)}</td>
                <td className="px-3 py-2 font-mono">{call.operation}</td>
                <td className="px-3 py-2">
                  {call.state}
                  {call.failureReason ? ` (${call.failureReason})` : ""}
                </td>
                <td className="px-3 py-2 tabular-nums">{call.latencyMs === null ? "—" : `${formatNumber(call.latencyMs, locale)} ms`}</td>
                <td className="px-3 py-2">{[call.ekoStatus, call.ekoMessage].filter((v) => v !== null).join(" · ") || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
