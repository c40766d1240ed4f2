"use client";

import { useI18n } from "@/components/locale-provider";
import { Button } from "@/components/ui/button";
import { useSecondsUntil } from "@/components/use-countdown";
import type { Translate } from "@/lib/i18n/translate";

export function formatWait(t: Translate, seconds: number): string {
  if (seconds < 60) return t("time.seconds", { seconds });
  return t("time.minutesSeconds", { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
}

/**
 * "Send OTP again", held back until `allowedAt` (epoch ms) with the seconds left on the button: after a sent OTP
 * (a cool-down, so the customer's SMS has time to arrive) and after a limit (the server's retry time).
 */
export function ResendButton({ allowedAt, pending, onResend }: { allowedAt: number | null; pending: boolean; onResend: () => void }) {
  const { t } = useI18n();
  const seconds = useSecondsUntil(allowedAt);
  const waiting = seconds > 0;
  return (
    <Button type="button" variant="secondary" disabled={waiting || pending} onClick={onResend}>
      {waiting ? (
        <span className="tabular-nums" data-testid="resend-countdown">
          {t("result.sendAgainIn", { time: formatWait(t, seconds) })}
        </span>
      ) : (
        t("result.sendAgain")
      )}
    </Button>
  );
}
