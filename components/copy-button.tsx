"use client";

import { useState } from "react";
import { useI18n } from "@/components/locale-provider";
import { Button } from "@/components/ui/button";

export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button type="button" variant="secondary" onClick={copy} aria-label={label}>
        {state === "copied" ? t("copy.copied") : t("copy.copy")}
      </Button>
      <span role="status" className="text-xs text-slate-600">
        {state === "failed" ? t("copy.blocked") : ""}
      </span>
    </span>
  );
}
