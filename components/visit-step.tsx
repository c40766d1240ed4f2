import { randomUUID } from "node:crypto";
import { AadhaarForm, AadhaarOtpForm, CustomerVerifyForm, EnrolForm, PanForm, VerifyAgainForm } from "@/components/customer-steps";
import type { VisitSummary } from "@/lib/customers/recipients";
import { getTranslator } from "@/lib/i18n/server";

/**
 * The step a customer not yet verified is at, by their visit's state: enrolment, the verification OTP, Aadhaar, its
 * OTP (or, asked for, the Aadhaar number again), PAN, or a fresh verification once Eko has their KYC.
 */
export async function VisitStep({ summary, step }: { summary: VisitSummary; step?: string }) {
  const own = { visitId: summary.id, submissionId: randomUUID() };
  switch (summary.state) {
    case "not-enrolled":
      return <EnrolForm {...own} mobileMasked={summary.mobileMasked} />;
    case "otp-sent":
      return <CustomerVerifyForm {...own} mobileMasked={summary.mobileMasked} />;
    case "aadhaar-required":
      return <AadhaarForm {...own} />;
    case "aadhaar-otp-sent": {
      if (step === "aadhaar") return <AadhaarForm {...own} />;
      const hint = summary.note?.status === "aadhaar-otp-sent" ? summary.note.mobileHint : null;
      return <AadhaarOtpForm {...own} mobileHint={hint} />;
    }
    case "pan-required":
      return <PanForm {...own} />;
    default: {
      if (summary.note?.status === "verify-again") return <VerifyAgainForm {...own} reason={summary.note.reason} />;
      const { t } = await getTranslator();
      return <p className="mt-2 text-sm text-slate-700">{t("visit.gone.next")}</p>;
    }
  }
}
