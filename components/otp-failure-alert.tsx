"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { useI18n } from "@/components/locale-provider";
import type { EkoCodes } from "@/lib/eko/otp-outcome";
import type { ResultMessage } from "@/lib/otp-requests/result-message";

type Props = {
  copy: ResultMessage;
  eko?: EkoCodes | null;
  httpStatus?: number | null;
  otherParams?: Record<string, string>;
  clientRefId?: string;
  /** What the agent can do from here (Send OTP again, once a limit allows). */
  action?: ReactNode;
};

/** A failed request: the plain sentence and next step first, Eko's own words and codes beneath. */
export function OtpFailureAlert({ copy, eko, httpStatus, otherParams, clientRefId, action }: Props) {
  const { t } = useI18n();
  const codes = [
    httpStatus != null ? `HTTP ${httpStatus}` : null,
    eko?.status != null ? `status ${eko.status}` : null,
    eko?.responseStatusId != null ? `response_status_id ${eko.responseStatusId}` : null,
    eko?.responseTypeId != null ? `response_type_id ${eko.responseTypeId}` : null,
  ].filter(Boolean);
  const params = Object.entries(otherParams ?? {});
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: "nearest" });
  }, []);
  return (
    <div ref={ref} className="mt-6 rounded-lg border border-red-300 bg-red-50 p-4 text-sm">
      <div role="alert">
        <p className="text-base font-semibold text-red-900">{copy.title}</p>
        <p className="mt-1 text-red-900">{copy.next}</p>
        {eko?.message || codes.length > 0 || params.length > 0 || clientRefId ? (
          <div className="mt-3 border-t border-red-200 pt-3 text-slate-700">
            {eko?.message ? (
              <p>
                {t("alert.ekoSaid")} <q className="font-medium">{eko.message}</q>
              </p>
            ) : null}
            {params.map(([param, message]) => (
              <p key={param}>
                <code>{param}</code>: {message}
              </p>
            ))}
            {codes.length > 0 ? <p className="break-words font-mono text-xs">{codes.join(" · ")}</p> : null}
            {clientRefId ? <p className="font-mono text-xs">{t("alert.deskRef", { ref: clientRefId })}</p> : null}
          </div>
        ) : null}
      </div>
      {action ? <div className="mt-3">{action}</div> : null}
    </div>
  );
}
