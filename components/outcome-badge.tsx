import type { OtpRequestState } from "@/lib/db/schema-states";

const STYLES: Record<OtpRequestState, { label: string; className: string }> = {
  sent: { label: "Sent", className: "bg-emerald-100 text-emerald-900 ring-emerald-300" },
  rejected: { label: "Rejected", className: "bg-red-100 text-red-900 ring-red-300" },
  failed: { label: "Failed", className: "bg-orange-100 text-orange-900 ring-orange-300" },
  unknown: { label: "Unknown", className: "bg-amber-100 text-amber-950 ring-amber-400" },
  pending: { label: "Pending", className: "bg-slate-100 text-slate-800 ring-slate-300" },
  limited: { label: "Limited", className: "bg-violet-100 text-violet-900 ring-violet-300" },
};

export const outcomeLabel = (state: OtpRequestState) => STYLES[state].label;

export function OutcomeBadge({ state }: { state: OtpRequestState }) {
  const style = STYLES[state];
  return (
    <span className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${style.className}`}>
      {state === "unknown" ? "⚠ " : ""}
      {style.label}
    </span>
  );
}
