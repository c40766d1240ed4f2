"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { checkTransferFormAction } from "@/app/(desk)/transfers/actions";
import { useI18n } from "@/components/locale-provider";
import { Receipt, receiptText } from "@/components/receipt";
import { ReceiptActions } from "@/components/receipt-actions";
import { transferReceiptLines } from "@/components/transfer-receipt";
import { Button } from "@/components/ui/button";
import { formatIndiaTime } from "@/lib/format";
import { describeTransfer } from "@/lib/transfers/transfer-message";
import type { TransferView } from "@/lib/transfers/view";

const POLL_MS = 2_000;

const TONES = {
  done: "border-emerald-300 bg-emerald-50 text-emerald-950",
  wait: "border-amber-300 bg-amber-50 text-amber-950",
  stop: "border-red-300 bg-red-50 text-red-950",
} as const;

function toneOf(view: TransferView): keyof typeof TONES {
  if (view.state === "success" || view.state === "refunded") return "done";
  return view.checking || view.needsPerson || view.state === "awaited" || view.state === "on-hold" ? "wait" : "stop";
}

async function fetchTransfer(ref: string, signal: AbortSignal): Promise<TransferView> {
  const response = await fetch(`/api/transfers/${encodeURIComponent(ref)}`, { signal, cache: "no-store" });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as TransferView;
}

/**
 * A transfer's outcome, kept live: while Eko is being asked it polls the desk every 2 s and offers "Check now"; once
 * final it says what to do with the cash and, on success, shows the receipt to print or share.
 */
type Props = {
  initial: TransferView;
  agent: string;
  repeated?: boolean;
  /** Told each state the transfer reaches, so the card around it can offer what fits (a new OTP once nothing moved). */
  onChange?: (view: TransferView) => void;
};

export function TransferStatus({ initial, agent, repeated = false, onChange }: Props) {
  const i18n = useI18n();
  const { locale, t } = i18n;
  const queryClient = useQueryClient();
  const queryKey = ["transfer", initial.ref];
  const { data: view = initial } = useQuery({
    queryKey,
    queryFn: ({ signal }) => fetchTransfer(initial.ref, signal),
    initialData: initial,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.checking || query.state.data?.state === "pending" ? POLL_MS : false),
  });
  const [checked, checkAction, checkingNow] = useActionState(checkTransferFormAction, null);
  useEffect(() => {
    if (checked?.status === "transfer") queryClient.setQueryData(["transfer", initial.ref], checked.transfer);
  }, [checked, initial.ref, queryClient]);
  useEffect(() => onChange?.(view), [view, onChange]);
  // The page around it (the agent's recent transfers) shows each new stage too.
  const router = useRouter();
  const shownState = useRef(view.state);
  useEffect(() => {
    if (shownState.current === view.state) return;
    shownState.current = view.state;
    router.refresh();
  }, [view.state, router]);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);

  const copy = describeTransfer(view, i18n);
  const lines = transferReceiptLines(view, agent, i18n);
  const open = view.checking || view.state === "pending";
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby={`transfer-${view.ref}`}
      className={`mt-4 rounded-lg border p-4 print:border-0 print:p-0 ${TONES[toneOf(view)]}`}
    >
      <div role="status" className="print:hidden">
        <h2 id={`transfer-${view.ref}`} className="text-base font-semibold" data-testid="transfer-title">
          {copy.title}
        </h2>
        <p className="mt-1 text-sm">{copy.next}</p>
        {repeated ? <p className="mt-1 text-xs">{t("transferOutcome.repeated")}</p> : null}
        {open ? (
          <p className="mt-2 text-xs" data-testid="last-check">
            {view.lastCheckAt ? t("transfer.checking.last", { time: formatIndiaTime(view.lastCheckAt, locale) }) : t("transfer.checking.none")}
          </p>
        ) : null}
      </div>
      <p className="mt-2 text-xs print:hidden">
        {t("transfer.deskRef")}: <span className="font-mono">{view.ref}</span>
      </p>
      {open ? (
        <form action={checkAction} className="mt-3 print:hidden">
          <input type="hidden" name="ref" value={view.ref} />
          <Button type="submit" variant="secondary" disabled={checkingNow}>
            {checkingNow ? t("transfer.checkingNow") : t("transfer.checkNow")}
          </Button>
        </form>
      ) : null}
      {view.state === "success" ? (
        <>
          <Receipt id={`receipt-${view.ref}`} title={`${t("app.name")} · ${t("receipt.title")}`} lines={lines} thanks={t("receipt.thanks")} />
          <ReceiptActions title={t("receipt.title")} text={receiptText(t("receipt.title"), lines)} />
        </>
      ) : null}
    </section>
  );
}
