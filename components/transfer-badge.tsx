"use client";

import { useI18n } from "@/components/locale-provider";
import type { TransferState } from "@/lib/db/schema-states";

const DONE = "bg-emerald-100 text-emerald-900 ring-emerald-300";
const WAIT = "bg-amber-100 text-amber-950 ring-amber-400";
const STOP = "bg-red-100 text-red-900 ring-red-300";
const STYLES: Record<TransferState | "otp-sent", string> = {
  "otp-sent": "bg-sky-100 text-sky-900 ring-sky-300",
  pending: WAIT,
  unknown: WAIT,
  awaited: WAIT,
  "on-hold": WAIT,
  "in-progress": WAIT,
  "refund-pending": "bg-violet-100 text-violet-900 ring-violet-300",
  success: DONE,
  refunded: DONE,
  failed: STOP,
  refused: STOP,
  "not-found": STOP,
  "not-sent": STOP,
};

/** A transfer's stage at a glance: green done, amber still with Eko, red no money moved. */
export function TransferBadge({ state }: { state: TransferState | "otp-sent" }) {
  const { t } = useI18n();
  return (
    <span className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${STYLES[state]}`}>
      {t(`transferState.${state}`)}
    </span>
  );
}
