"use client";

import dynamic from "next/dynamic";

// What a form shows once an answer comes back: fetched then, not with the form's first paint. The server still draws
// them (a form posted before the script runs gets its answer in the page).
export const OtpAnswer = dynamic(() => import("@/components/otp-answer").then((m) => m.OtpAnswer));
export const OtpFailureAlert = dynamic(() => import("@/components/otp-failure-alert").then((m) => m.OtpFailureAlert));
export const PostedConfirmation = dynamic(() => import("@/components/posted-confirmation").then((m) => m.PostedConfirmation));
// The last look before an OTP goes out: drawn only once the agent has asked, so never with the first paint.
export const ConfirmOtpDialog = dynamic(() => import("@/components/confirm-otp-dialog").then((m) => m.ConfirmOtpDialog));

/**
 * Fetches the answers' code on a form's first focus, before its request goes out: a server draining for a restart
 * serves no new files, and the agent must still see the answer the ledger already holds.
 */
export function preloadAnswers() {
  void Promise.all([import("@/components/otp-answer"), import("@/components/otp-failure-alert"), import("@/components/posted-confirmation")]).catch(
    () => undefined,
  );
}

/** The transfer form's answers and its confirmation, fetched on the form's first focus. */
export function preloadTransferAnswers() {
  preloadAnswers();
  void import("@/components/confirm-otp-dialog").catch(() => undefined);
}
