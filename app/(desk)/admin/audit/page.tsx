import type { Metadata } from "next";
import { listAuditEvents } from "@/lib/audit/audit-log";
import { requirePageRole } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { formatIndiaTime } from "@/lib/format";

export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage() {
  await requirePageRole(["admin"], "/admin/audit");
  const events = await listAuditEvents(await getDb());
  return (
    <div>
      <h1 className="text-xl font-semibold">Audit trail</h1>
      <p className="mt-1 text-sm text-slate-600">Sign-ins, user changes and limit refusals, newest first. Entries cannot be changed or removed.</p>
      <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              {["Time (IST)", "Who", "What", "On", "Details", "Address"].map((label) => (
                <th key={label} scope="col" className="px-3 py-2 font-semibold">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
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
          </tbody>
        </table>
      </div>
    </div>
  );
}
