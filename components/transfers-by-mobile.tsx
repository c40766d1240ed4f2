"use client";

import { useActionState } from "react";
import { findTransfersByMobileAction } from "@/app/(desk)/requests/transfers/actions";
import { useI18n } from "@/components/locale-provider";
import { TransfersTable } from "@/components/transfers-table";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { translateText } from "@/lib/i18n/translate";

/** One customer's transfers by exact mobile: a posted form (with or without script), never a URL parameter. */
export function TransfersByMobile() {
  const i18n = useI18n();
  const { t } = i18n;
  const [answer, find, pending] = useActionState(findTransfersByMobileAction, null, "/requests/transfers");
  const error = answer?.status === "invalid" ? (answer.fieldErrors.mobile ?? answer.formError) : null;
  return (
    <section aria-labelledby="by-mobile" className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="by-mobile" className="text-sm font-semibold">
        {t("transfers.byMobile.title")}
      </h2>
      <form action={find} className="mt-2 flex flex-wrap items-end gap-3">
        <TextField
          id="transfer-mobile"
          name="mobile"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          label={t("filters.mobile")}
          hint={t("filters.mobileNote")}
          error={error ? translateText(t, error) : undefined}
          className="min-w-56 flex-1"
        />
        <Button type="submit" disabled={pending}>
          {t("transfers.byMobile.submit")}
        </Button>
      </form>
      {answer?.status === "found" ? (
        <div data-testid="transfers-by-mobile">
          <p className="mt-3 text-sm font-medium">{t("transfers.byMobile.found", { last4: answer.last4 })}</p>
          <TransfersTable rows={answer.rows} i18n={i18n} />
        </div>
      ) : null}
    </section>
  );
}
