"use client";

import { useEffect, useRef } from "react";
import { CopyButton } from "@/components/copy-button";
import { Button } from "@/components/ui/button";
import { formatIndiaTime } from "@/lib/format";
import { describeOutcome } from "@/lib/otp-requests/outcome-copy";
import type { OtpRequestResult } from "@/lib/otp-requests/result";

type Sent = Extract<OtpRequestResult, { status: "sent" }>;

export function OtpResult({ result, onNewTransfer }: { result: Sent; onNewTransfer: () => void }) {
  const copy = describeOutcome(result);
  const ref = useRef<HTMLElement>(null);
  // On a phone the result lands below the fold: bring it to the agent, and to screen readers.
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby="otp-result-title"
      className="mt-6 scroll-mt-4 rounded-lg border border-emerald-300 bg-emerald-50 p-4"
    >
      <div role="status">
        <h2 id="otp-result-title" className="text-base font-semibold text-emerald-900">
          {copy.title}
        </h2>
        <p className="mt-1 text-sm text-emerald-900">{copy.next}</p>
      </div>
      <dl className="mt-4 flex flex-wrap gap-x-6 gap-y-3 text-sm">
        <div className="w-full">
          <dt className="font-medium text-slate-700">OTP reference (otp_ref_id)</dt>
          <dd className="mt-1 flex flex-wrap items-center gap-2">
            <output
              data-testid="otp-ref-id"
              className="block w-full select-all break-all rounded border border-emerald-200 bg-white px-3 py-2 font-mono text-sm"
            >
              {result.otpRefId}
            </output>
            <CopyButton text={result.otpRefId} label="Copy OTP reference" />
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-700">Sent at</dt>
          <dd>
            <time dateTime={result.sentAt}>{formatIndiaTime(result.sentAt)}</time>
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-700">Desk reference</dt>
          <dd className="font-mono">{result.clientRefId}</dd>
        </div>
      </dl>
      <Button type="button" variant="secondary" className="mt-4" onClick={onNewTransfer}>
        New transfer
      </Button>
    </section>
  );
}
