"use client";

import dynamic from "next/dynamic";

// A customer's page shows one step at a time: the transfer form for a verified customer, else an enrolment or
// verification step. Loaded as separate chunks from a client boundary, so each visit downloads only its own;
// the server still draws them, so they work before the script runs.
export const TransferForm = dynamic(() => import("@/components/transfer-form").then((m) => m.TransferForm));
export const EnrolForm = dynamic(() => import("@/components/enrol-form").then((m) => m.EnrolForm));
export const AadhaarForm = dynamic(() => import("@/components/kyc-forms").then((m) => m.AadhaarForm));
export const AadhaarOtpForm = dynamic(() => import("@/components/kyc-forms").then((m) => m.AadhaarOtpForm));
export const PanForm = dynamic(() => import("@/components/kyc-forms").then((m) => m.PanForm));
export const CustomerVerifyForm = dynamic(() => import("@/components/customer-verify-form").then((m) => m.CustomerVerifyForm));
export const VerifyAgainForm = dynamic(() => import("@/components/verify-again").then((m) => m.VerifyAgainForm));
