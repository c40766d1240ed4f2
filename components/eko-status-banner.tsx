"use client";

import { useQuery } from "@tanstack/react-query";
import type { EkoStatus } from "@/lib/eko/circuit-breaker";
import { useI18n } from "@/components/locale-provider";
import { formatIndiaClock } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";

const POLL_MS = 5_000;

async function fetchEkoStatus(signal: AbortSignal): Promise<EkoStatus> {
  const response = await fetch("/api/eko-status", { signal, cache: "no-store" });
  if (!response.ok) throw new Error(`The desk answered ${response.status}.`);
  return (await response.json()) as EkoStatus;
}

/** Rounded up to the minute, so the time shown is never a moment too early. */
function untilClock(iso: string, locale: Locale): string {
  const minute = 60_000;
  return formatIndiaClock(new Date(Math.ceil(new Date(iso).getTime() / minute) * minute).toISOString(), { locale });
}

/**
 * For agents and supervisors: whether this server has stopped calling Eko (its circuit breaker is open). Rendered
 * with the page from `initial`, so it shows without script; then polled every 5 s while the tab is visible.
 * Nothing is shown while Eko answers normally.
 */
export function EkoStatusBanner({ initial }: { initial: EkoStatus }) {
  const { locale, t } = useI18n();
  const status = useQuery({
    queryKey: ["eko-status"],
    queryFn: ({ signal }) => fetchEkoStatus(signal),
    initialData: initial,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: POLL_MS - 1_000,
    retry: 1,
  });
  const data = status.data;
  if (!data || data.breaker === "closed") return null;
  const text = data.breaker === "open" && data.retryAt ? t("banner.open", { time: untilClock(data.retryAt, locale) }) : t("banner.halfOpen");
  return (
    <p
      role="status"
      data-testid="eko-status-banner"
      className="mb-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 print:hidden"
    >
      {text}
    </p>
  );
}
