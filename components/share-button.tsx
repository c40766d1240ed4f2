"use client";

import { useSyncExternalStore } from "react";
import { useI18n } from "@/components/locale-provider";
import { Button } from "@/components/ui/button";

const noSubscription = () => () => {};

/** Shares the reference through the phone's own share sheet (Web Share API); not shown where there is none. */
export function ShareButton({ text }: { text: string }) {
  const { t } = useI18n();
  const canShare = useSyncExternalStore(
    noSubscription,
    () => typeof navigator.share === "function",
    () => false,
  );
  if (!canShare) return null;

  async function share() {
    try {
      await navigator.share({ title: t("result.shareTitle"), text: t("result.shareText", { ref: text }) });
    } catch {
      // The agent closed the share sheet, or the phone refused: nothing to tell them.
    }
  }

  return (
    <Button type="button" variant="secondary" onClick={share} aria-label={t("result.shareLabel")}>
      {t("result.share")}
    </Button>
  );
}
