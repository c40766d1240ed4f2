"use client";

import dynamic from "next/dynamic";

// What a form shows once an answer comes back: fetched then, not with the form's first paint. The server still draws
// them (a form posted before the script runs gets its answer in the page).
export const OtpAnswer = dynamic(() => import("@/components/otp-answer").then((m) => m.OtpAnswer));
export const OtpFailureAlert = dynamic(() => import("@/components/otp-failure-alert").then((m) => m.OtpFailureAlert));
export const PostedConfirmation = dynamic(() => import("@/components/posted-confirmation").then((m) => m.PostedConfirmation));
