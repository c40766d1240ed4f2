import { describe, expect, it } from "vitest";
import { i18nFor } from "@/lib/i18n/dictionaries";
import { describeResult } from "./result-message";
import type { FailureReason, LimitName, UnknownReason } from "./result";

const english = i18nFor("en");
const hindi = i18nFor("hi");

const limited = (limit: LimitName, max: number, retryAt: string) => ({
  status: "limited" as const,
  limit,
  max,
  retryAt,
  clientRefId: "LD0000000001",
});

describe("describeResult for a limited request", () => {
  it("says how many OTPs the customer had and when to try again, in India time", () => {
    // 17:12:00Z is 10:42 pm in India.
    expect(describeResult(limited("mobile-15m", 3, "2026-11-26T17:12:00.000Z"), english)).toEqual({
      title: "This customer has had 3 OTPs in the last 15 minutes. No OTP was sent.",
      next: "Try again after 10:42 pm IST.",
    });
  });

  it("rounds the time up to the minute, so the agent never comes back too early", () => {
    expect(describeResult(limited("mobile-15m", 3, "2026-11-26T17:12:00.001Z"), english).next).toBe("Try again after 10:43 pm IST.");
  });

  it("gives the date for the 24-hour limit, and speaks to the agent for the agent limit", () => {
    expect(describeResult(limited("mobile-24h", 10, "2026-11-27T03:30:00.000Z"), english)).toEqual({
      title: "This customer has had 10 OTPs in the last 24 hours. No OTP was sent.",
      next: "Try again after 27 Nov, 9:00 am IST.",
    });
    expect(describeResult(limited("agent-15m", 30, "2026-11-26T06:32:00.000Z"), english)).toEqual({
      title: "You have requested 30 OTPs in the last 15 minutes. No OTP was sent.",
      next: "Try again after 12:02 pm IST.",
    });
  });
});

describe("describeResult when Eko may or may not have sent the OTP", () => {
  const unknown = (reason: UnknownReason) => describeResult({ status: "unknown", reason, clientRefId: "LD0000000001", timeoutSeconds: 3 }, english);

  it.each<[UnknownReason, string]>([
    ["timeout", "Eko did not answer within 3 seconds. The OTP may or may not have reached the customer."],
    ["connection-lost", "The connection to Eko broke while it was answering. The OTP may or may not have reached the customer."],
    ["unreadable-answer", "Eko took the request, but its answer could not be read. The OTP may have been sent."],
  ])("%s: says so, and to ask the customer before trying again", (reason, title) => {
    expect(unknown(reason).title).toBe(title);
    expect(unknown(reason).next).toMatch(/^Ask the customer whether an OTP SMS arrived before you try again/);
  });
});

describe("describeResult when the OTP was not sent", () => {
  const failed = (reason: FailureReason, httpStatus: number | null = null) =>
    describeResult({ status: "failed", reason, clientRefId: "LD0000000001", eko: null, httpStatus }, english);

  it("names the HTTP status, and says whether the OTP went", () => {
    expect(failed("http", 502).title).toBe("Eko answered with an error (HTTP 502). The OTP was most likely not sent.");
    expect(failed("auth", 403).title).toMatch(/\(HTTP 403\)\. No OTP was sent\.$/);
    expect(failed("unreachable").title).toBe("The desk could not reach Eko, even after retrying. No OTP was sent.");
  });
});

describe("describeResult in Hindi", () => {
  it("says the same things in Hindi, with India-time in the hi-IN format", () => {
    expect(describeResult(limited("mobile-15m", 3, "2026-11-26T17:12:00.000Z"), hindi)).toEqual({
      title: "इस ग्राहक को पिछले 15 मिनट में 3 OTP जा चुके हैं। OTP नहीं भेजा गया।",
      next: "10:42 pm IST के बाद फिर कोशिश करें।",
    });
    expect(describeResult({ status: "unknown", reason: "timeout", clientRefId: "LD0000000001", timeoutSeconds: 3 }, hindi).title).toBe(
      "Eko ने 3 सेकंड में जवाब नहीं दिया। हो सकता है OTP ग्राहक तक पहुँचा हो, हो सकता है नहीं।",
    );
  });

  it("translates a form error given as a message key, and keeps other words as they came", () => {
    expect(describeResult({ status: "invalid", fieldErrors: {}, formError: "error.form.reused" }, hindi).next).toBe(
      "यह फ़ॉर्म पहले ही दूसरे ट्रांसफ़र के लिए इस्तेमाल हो चुका है। नया ट्रांसफ़र शुरू करें।",
    );
    expect(describeResult({ status: "invalid", fieldErrors: {}, formError: "error.form.reused" }, english).next).toBe(
      "This form was already used for another transfer. Start a new transfer.",
    );
  });
});
