import type { ReactNode } from "react";

/** The desk's tables: a scrolling frame, a captioned table, one header row of column names, a divided body. */
export function DataTable({
  columns,
  caption,
  children,
  className = "",
}: {
  columns: readonly string[];
  caption: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    // A frame that scrolls sideways must be reachable by keyboard (WCAG 2.1.1), so it is a focusable, named region.
    <div role="region" aria-label={caption} tabIndex={0} className={`overflow-x-auto rounded-lg border border-slate-200 bg-white ${className}`}>
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            {columns.map((label) => (
              <th key={label} scope="col" className="whitespace-nowrap px-3 py-2 font-semibold">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
