import type { z } from "zod";
import type { verifySenderOtp } from "@/lib/eko/operations/verify-sender-otp";
import { maskMobile } from "@/lib/privacy/mask";
import type { CustomerCard } from "./visit-result";

type Verified = z.output<(typeof verifySenderOtp)["data"]>;

/** The customer's card from Verify Sender OTP (or a KYC step's updated profile): Eko's chart when it has one, else its limit fields. */
export function cardOf(data: Pick<Verified, "customer_profile" | "next_allowed_limit">, mobile: string): CustomerCard {
  const profile = data.customer_profile;
  const chart = profile.chart?.[0]?.data;
  const remaining = chart?.remaining ?? profile.next_allowed_limit ?? data.next_allowed_limit ?? null;
  const monthlyLimit = profile.total_monthly_limit ?? null;
  const used = chart?.used ?? (monthlyLimit !== null && remaining !== null ? Math.max(0, monthlyLimit - remaining) : null);
  return {
    name: profile.name.trim(),
    mobileMasked: maskMobile(mobile),
    kycState: profile.kyc_state ?? null,
    monthlyLimit,
    used,
    remaining,
    panRequired: false,
    panRequiredFrom: null,
  };
}
