"use client";

import { useSyncExternalStore } from "react";
import { useI18n } from "@/components/locale-provider";
import { Button } from "@/components/ui/button";

const noSubscription = () => () => {};

/** Print, and share through the phone's own sheet where it has one. */
export function ReceiptActions({ title, text }: { title: string; text: string }) {
  const { t } = useI18n();
  const canShare = useSyncExternalStore(
    noSubscription,
    () => typeof navigator.share === "function",
    () => false,
  );
  return (
    <div className="mt-3 flex flex-wrap gap-2 print:hidden">
      <Button type="button" onClick={() => window.print()}>
        {t("receipt.print")}
      </Button>
      {canShare ? (
        <Button type="button" variant="secondary" onClick={() => navigator.share({ title, text }).catch(() => undefined)}>
          {t("receipt.share")}
        </Button>
      ) : null}
    </div>
  );
}
