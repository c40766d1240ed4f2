import type { sendOtpFormAction } from "@/app/(desk)/actions";
import type { CustomerForForm } from "@/lib/customers/visit-result";
import type { OtpRequestFormValues } from "@/lib/otp-requests/fields";

type Posted = Awaited<ReturnType<typeof sendOtpFormAction>>;

const EMPTY: OtpRequestFormValues = { recipientId: "", amount: "", customerMobile: "", beneficiaryId: "" };

/** The OTP form's values to start from: blank, or a verified customer's visit with the recipient picked for them. */
export function startingValues(customer: CustomerForForm | undefined): OtpRequestFormValues {
  if (!customer) return EMPTY;
  const picked = customer.recipients.find((r) => r.recipientId === customer.picked);
  return { ...EMPTY, visitId: customer.visitId, recipientId: picked ? String(picked.recipientId) : "", beneficiaryId: picked?.beneficiaryId ?? "" };
}

/** What a form posted without the page's script had typed, to fill the form again (never an OTP or a password). */
export function typedIn(posted: Posted | null): Partial<OtpRequestFormValues> {
  if (!posted) return {};
  if ("typed" in posted) return posted.typed;
  return posted.status === "invalid" ? (posted.values ?? {}) : {};
}
