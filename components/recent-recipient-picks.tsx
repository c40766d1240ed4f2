"use client";

import { useQuery } from "@tanstack/react-query";
import { recentRecipientsAction } from "@/app/(desk)/actions";
import { useI18n } from "@/components/locale-provider";
import { normaliseMobile } from "@/lib/otp-requests/mobile";
import type { RecentRecipient } from "@/lib/otp-requests/recent-recipients";

export const recentRecipientsKey = (mobile?: string) => (mobile ? ["recent-recipients", mobile] : ["recent-recipients"]);

async function fetchRecentRecipients(customerMobile: string): Promise<RecentRecipient[]> {
  const answer = await recentRecipientsAction({ customerMobile });
  if (answer.status !== "ok") throw new Error(answer.status);
  return answer.recipients;
}

/**
 * Once the customer's mobile is a whole number, the recipients this agent last sent to for them, as one-tap fills.
 * The number stays in memory (the query key), never in an address.
 */
export function RecentRecipientPicks({ typedMobile, onPick }: { typedMobile: string; onPick: (pick: RecentRecipient) => void }) {
  const { t } = useI18n();
  const mobile = normaliseMobile(typedMobile ?? "");
  const picks = useQuery({
    queryKey: recentRecipientsKey(mobile ?? undefined),
    queryFn: () => fetchRecentRecipients(mobile!),
    enabled: mobile !== null,
    staleTime: 30_000,
    retry: false,
  });
  const recipients = mobile ? (picks.data ?? []) : [];

  return (
    <div aria-live="polite">
      {mobile && picks.isError ? <p className="text-sm text-slate-600">{t("picks.failed")}</p> : null}
      {recipients.length > 0 ? (
        <section aria-labelledby="recent-picks-title" data-testid="recent-recipients">
          <h2 id="recent-picks-title" className="text-sm font-medium text-slate-800">
            {t("picks.title")}
          </h2>
          <ul className="mt-1 flex flex-wrap gap-2">
            {recipients.map((pick) => (
              <li key={`${pick.recipientId}-${pick.beneficiaryId ?? ""}`}>
                <button
                  type="button"
                  onClick={() => onPick(pick)}
                  className="flex min-h-11 flex-col items-start justify-center rounded-md bg-brand-50 px-3 py-1 text-left text-sm ring-1 ring-inset ring-brand-600/40 hover:bg-brand-100"
                >
                  <span className="font-mono font-semibold tabular-nums">{t("picks.recipient", { recipientId: pick.recipientId })}</span>
                  {pick.beneficiaryId ? (
                    <span className="text-xs text-slate-700">{t("picks.beneficiary", { beneficiaryId: pick.beneficiaryId })}</span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
