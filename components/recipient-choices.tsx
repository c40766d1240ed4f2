"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { useI18n } from "@/components/locale-provider";
import type { RecipientChoice } from "@/lib/customers/visit-result";

type Props = {
  recipients: RecipientChoice[];
  /** react-hook-form's registration of the `recipientId` field: the radios are that field. */
  field: UseFormRegisterReturn<"recipientId">;
  /** The recipient to start with (one just added), before and without the script. */
  initial: number | null;
  onChoose: (choice: RecipientChoice) => void;
  error?: string;
  readOnly?: boolean;
};

/**
 * The customer's recipients as cards to pick from: a radio group, so it posts without the script and is one tab stop
 * with arrow keys between cards. Recent choices come first (the server sorts them).
 */
export function RecipientChoices({ recipients, field, initial, onChoose, error, readOnly }: Props) {
  const { t } = useI18n();
  if (recipients.length === 0) return <p className="text-sm text-slate-700">{t("picker.empty")}</p>;
  return (
    <fieldset aria-describedby={error ? "recipientId-error" : undefined} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium text-slate-800">{t("picker.title")}</legend>
      {error ? (
        <p id="recipientId-error" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <ul className="mt-2 space-y-2" data-testid="recipient-choices">
        {recipients.map((r) => (
          <li key={r.recipientId}>
            <label className="flex min-h-11 cursor-pointer items-start gap-3 rounded-md border border-slate-300 bg-white p-3 has-[:checked]:border-brand-700 has-[:checked]:ring-2 has-[:checked]:ring-brand-700/40">
              <input
                type="radio"
                value={String(r.recipientId)}
                defaultChecked={initial === r.recipientId}
                disabled={readOnly && initial !== r.recipientId}
                className="mt-1 size-4 accent-brand-700"
                {...field}
                onChange={(event) => {
                  void field.onChange(event);
                  onChoose(r);
                }}
              />
              <span className="min-w-0 flex-1 text-sm">
                <span className="flex flex-wrap items-baseline gap-x-2">
                  <span className="font-semibold text-slate-900">{r.name || t("picker.showIds", { recipientId: r.recipientId })}</span>
                  {r.recent ? <span className="rounded bg-brand-50 px-1.5 text-xs font-medium text-brand-800">{t("picker.recent")}</span> : null}
                </span>
                <span className="block text-slate-700">
                  {r.bank} · {t("picker.account", { account: r.accountMasked })}
                </span>
                <span className="block text-xs text-slate-600">
                  {r.ifsc} · {r.channels.join(" / ")} · {r.verified ? t("picker.verified") : t("picker.unverified")}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
