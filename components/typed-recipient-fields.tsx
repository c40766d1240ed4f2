"use client";

import { useI18n } from "@/components/locale-provider";
import { RecentRecipientPicks } from "@/components/recent-recipient-picks";
import { TextField } from "@/components/ui/text-field";
import type { OtpFieldName } from "@/lib/otp-requests/fields";
import type { RecentRecipient } from "@/lib/otp-requests/recent-recipients";

type Registered = Omit<Parameters<typeof TextField>[0], "id" | "label">;

/** The customer and recipient typed as IDs ("Enter IDs", for support staff), with this agent's recent picks. */
export function TypedRecipientFields({
  register,
  typedMobile,
  onPick,
}: {
  register: (name: OtpFieldName) => Registered;
  typedMobile: string;
  onPick: (pick: RecentRecipient) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        id="customerMobile"
        label={t("field.customerMobile")}
        type="tel"
        inputMode="tel"
        autoComplete="off"
        enterKeyHint="next"
        hint={t("hint.customerMobile")}
        {...register("customerMobile")}
      />
      <RecentRecipientPicks typedMobile={typedMobile} onPick={onPick} />
      <TextField id="recipientId" label={t("field.recipientId")} inputMode="numeric" autoComplete="off" enterKeyHint="next" {...register("recipientId")} />
      <TextField
        id="beneficiaryId"
        label={t("field.beneficiaryId")}
        hint={t("hint.beneficiaryId")}
        autoComplete="off"
        autoCapitalize="characters"
        enterKeyHint="next"
        {...register("beneficiaryId")}
      />
    </>
  );
}
