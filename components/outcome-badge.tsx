"use client";

import { useI18n } from "@/components/locale-provider";
import type { OtpRequestState } from "@/lib/db/schema-states";

const STYLES: Record<OtpRequestState, string> = {
  sent: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  rejected: "bg-red-100 text-red-900 ring-red-300",
  failed: "bg-orange-100 text-orange-900 ring-orange-300",
  unknown: "bg-amber-100 text-amber-950 ring-amber-400",
  pending: "bg-slate-100 text-slate-800 ring-slate-300",
  limited: "bg-violet-100 text-violet-900 ring-violet-300",
};

export function OutcomeBadge({ state }: { state: OtpRequestState }) {
  const { t } = useI18n();
  return (
    <span className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${STYLES[state]}`}>
      {state === "unknown" ? "⚠ " : ""}
      {t(`state.${state}`)}
    </span>
  );
}
