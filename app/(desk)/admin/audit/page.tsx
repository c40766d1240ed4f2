import type { Metadata } from "next";
import { recentAuditEvents } from "@/lib/audit/audit-log";
import { requirePageRole } from "@/lib/auth/guard";
import { formatIndiaTime } from "@/lib/format";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage() {
  await requirePageRole(["admin"], "/admin/audit");
  const events = await recentAuditEvents();
  return (
    <div>
      <h1 className="text-xl font-semibold">Audit trail</h1>
      <p className="mt-1 text-sm text-slate-600">Sign-ins, user changes and limit refusals, newest first. Entries cannot be changed or removed.</p>
      <DataTable columns={["Time (IST)", "Who", "What", "On", "Details", "Address"]} caption="Audit events, newest first" className="mt-4">
        {events.map((event) => (
          <tr key={event.id}>
            <td className="whitespace-nowrap px-3 py-2">{formatIndiaTime(event.at.toISOString())}</td>
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
