"use client";

import { Button } from "@/components/ui/button";
import { useI18n } from "./locale-provider";

/** "3 new requests": rows that arrived since the reader last looked, shown only when asked, so a live table never jumps. */
export function NewRowsButton({ count, onShow, words }: { count: number; onShow: () => void; words: "requests" | "transfers" }) {
  const { t } = useI18n();
  return (
    <div aria-live="polite">
      {count > 0 ? (
        <Button type="button" onClick={onShow}>
          {count >= 50 ? t(`${words}.newFifty`) : count === 1 ? t(`${words}.newOne`) : t(`${words}.newMany`, { count })}
        </Button>
      ) : null}
    </div>
  );
}
