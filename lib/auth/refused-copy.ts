import type { OutcomeCopy } from "@/lib/otp-requests/outcome-copy";

/** What a person sees when an action refuses them. Nothing was sent in either case. */
export const REFUSED_COPY: Record<"signed-out" | "forbidden", OutcomeCopy> = {
  "signed-out": { title: "Your session has ended. Nothing was sent.", next: "Sign in again, then send the OTP; what you typed is kept in this tab." },
  forbidden: { title: "Your role may not send OTPs. Nothing was sent.", next: "Ask an admin if you should have agent access." },
};
