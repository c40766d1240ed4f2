import type { EkoEnvironment } from "@/lib/eko/environment";

const BADGES: Record<EkoEnvironment, { label: string; title: string; className: string }> = {
  simulator: {
    label: "Simulator",
    title: "Talking to the local Eko simulator: no real OTP is sent.",
    className: "bg-amber-100 text-amber-900 ring-amber-300",
  },
  uat: {
    label: "Eko UAT",
    title: "Talking to Eko's UAT sandbox: no real SMS is sent.",
    className: "bg-sky-100 text-sky-900 ring-sky-300",
  },
  custom: {
    label: "Custom Eko URL",
    title: "Talking to an Eko address that is neither UAT nor production.",
    className: "bg-violet-100 text-violet-900 ring-violet-300",
  },
  production: {
    label: "Live",
    title: "Talking to Eko production: real OTPs reach customers.",
    className: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  },
};

export function EnvironmentBadge({ environment }: { environment: EkoEnvironment }) {
  const badge = BADGES[environment];
  return (
    <span
      title={badge.title}
      className={`inline-flex items-center rounded-full px-2.5 py-1 text-xs font-semibold ring-1 ring-inset ${badge.className}`}
    >
      {badge.label}
    </span>
  );
}
