import { OutcomeBadge } from "@/components/outcome-badge";
import { formatIndiaTime, formatRupees } from "@/lib/format";
import type { ReviewRow } from "@/lib/otp-requests/review-filters";

/** The agent's own latest requests, so they can answer "did that one go?" without asking a supervisor. */
export function MyRecentRequests({ rows }: { rows: ReviewRow[] }) {
  return (
    <section aria-labelledby="my-recent" className="mt-8">
      <h2 id="my-recent" className="text-base font-semibold">
        My recent requests
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">None yet.</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
          {rows.map((row) => (
            <li key={row.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <span>
                <span className="font-mono">{row.customerMobileMasked}</span> · {formatRupees(row.amount)} · recipient {row.recipientId}
                <span className="block text-xs text-slate-500">{formatIndiaTime(row.createdAt)}</span>
              </span>
              <OutcomeBadge state={row.state} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
