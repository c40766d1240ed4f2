import { formatIndiaTime } from "@/lib/format";
import type { ReviewSummary } from "@/lib/otp-requests/review-filters";

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-lg font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

export function RequestsSummary({ summary }: { summary: ReviewSummary }) {
  const share = summary.count > 0 ? `${Math.round((summary.sent / summary.count) * 100)}%` : "—";
  const ms = (value: number | null) => (value == null ? "—" : `${value.toLocaleString("en-IN")} ms`);
  return (
    <section aria-label="Summary of the filtered requests" className="mt-4 space-y-3">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat label="Requests" value={summary.count.toLocaleString("en-IN")} />
        <Stat label="Sent" value={share} />
        <Stat label="p50 latency" value={ms(summary.p50LatencyMs)} />
        <Stat label="p95 latency" value={ms(summary.p95LatencyMs)} />
      </dl>
      {summary.topRejections.length > 0 || summary.flaggedCustomers.length > 0 ? (
        <div className="grid gap-3 md:grid-cols-2">
          {summary.topRejections.length > 0 ? (
            <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
              <h2 className="font-semibold">Top rejections</h2>
              <ol className="mt-2 space-y-1">
                {summary.topRejections.map((r) => (
                  <li key={`${r.status}-${r.message}`} className="flex justify-between gap-3">
                    <span>
                      {r.message}
                      {r.status != null ? <span className="ml-1 font-mono text-xs text-slate-500">({r.status})</span> : null}
                    </span>
                    <span className="tabular-nums">{r.count}</span>
                  </li>
                ))}
              </ol>
            </div>
          ) : null}
          {summary.flaggedCustomers.length > 0 ? (
            <div className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm" role="note" aria-label="Flagged customers">
              <h2 className="font-semibold text-amber-950">Customers with 3 or more OTP requests in 15 minutes</h2>
              <ul className="mt-2 space-y-1">
                {summary.flaggedCustomers.map((f) => (
                  <li key={`${f.customerMobileMasked}-${f.lastAt}`} className="flex justify-between gap-3">
                    <span className="font-mono">{f.customerMobileMasked}</span>
                    <span>
                      {f.requests} requests, last {formatIndiaTime(f.lastAt)}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
