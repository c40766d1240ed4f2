"use client";

import { useI18n } from "@/components/locale-provider";
import type { EkoEnvironment } from "@/lib/eko/environment";

const CLASSES: Record<EkoEnvironment, string> = {
  simulator: "bg-amber-100 text-amber-900 ring-amber-300",
  uat: "bg-sky-100 text-sky-900 ring-sky-300",
  custom: "bg-violet-100 text-violet-900 ring-violet-300",
  production: "bg-emerald-100 text-emerald-900 ring-emerald-300",
};

export function EnvironmentBadge({ environment }: { environment: EkoEnvironment }) {
  const { t } = useI18n();
  return (
    <span
      title={t(`env.${environment}.title`)}
      className={`inline-flex items-center rounded-full px-2.5 py-1 text-xs font-semibold ring-1 ring-inset ${CLASSES[environment]}`}
    >
      {t(`env.${environment}`)}
    </span>
  );
}
