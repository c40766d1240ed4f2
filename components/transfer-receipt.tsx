import type { ReceiptLine } from "@/components/receipt";
import { formatIndiaTime, formatRupees } from "@/lib/format";
import type { I18n } from "@/lib/i18n/translate";
import type { TransferView } from "@/lib/transfers/view";

/** A successful transfer's receipt, line by line (components/receipt.tsx draws and shares it). */
export function transferReceiptLines(view: TransferView, agent: string, { locale, t }: I18n): ReceiptLine[] {
  const rupees = (value: number | null) => (value === null ? "—" : formatRupees(value, locale));
  const recipient = [view.recipientName ?? `#${view.recipientId}`, view.recipientBank].filter(Boolean).join(", ");
  const all: (ReceiptLine | null)[] = [
    [t("receipt.tid"), view.tid ?? "—"],
    view.bankRef ? [t("receipt.bankRef"), view.bankRef] : null,
    [t("receipt.recipient"), recipient],
    view.recipientAccountMasked ? [t("receipt.account"), view.recipientAccountMasked] : null,
    [t("receipt.amount"), rupees(view.amount)],
    [t("receipt.fee"), rupees(view.fee)],
    [t("receipt.collect"), rupees(view.collectable ?? view.amount)],
    [t("receipt.time"), formatIndiaTime(view.settledAt ?? view.createdAt, locale)],
    [t("receipt.customer"), view.customerMobileMasked],
    [t("receipt.agent"), agent],
    [t("receipt.shop"), view.userCode],
    [t("transfer.deskRef"), view.ref],
  ];
  return all.filter((line): line is ReceiptLine => line !== null);
}
