import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import { recentAuditEvents } from "@/lib/audit/audit-log";
import { requirePagePermission } from "@/lib/auth/guard";
import { formatIndiaTime } from "@/lib/format";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("audit.meta") };
}

export default async function AuditPage() {
  await requirePagePermission("read-audit", "/admin/audit");
  const events = await recentAuditEvents();
  const { locale, t } = await getTranslator();
  const columns = [t("audit.col.time"), t("audit.col.who"), t("audit.col.what"), t("audit.col.on"), t("audit.col.details"), t("audit.col.address")];
  return (
    <div>
      <h1 className="text-xl font-semibold">{t("audit.title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("audit.intro")}</p>
      <DataTable columns={columns} caption={t("audit.caption")} className="mt-4">
        {events.map((event) => (
          <tr key={event.id}>
            <td className="whitespace-nowrap px-3 py-2">{formatIndiaTime(event.at.toISOString(), locale)}</td>
            <td className="px-3 py-2">{event.actor}</td>
            <td className="px-3 py-2 font-mono text-xs">{event.action}</td>
            <td className="px-3 py-2">{event.target ?? "—"}</td>
            <td className="px-3 py-2 font-mono text-xs">{event.detail ? JSON.stringify(event.detail) : ""}</td>
            <td className="px-3 py-2 font-mono text-xs">{event.ipAddress ?? ""}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
