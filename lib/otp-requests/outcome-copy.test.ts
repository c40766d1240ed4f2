import { describe, expect, it } from "vitest";
import { describeOutcome } from "./outcome-copy";
import type { LimitName } from "./result";

const limited = (limit: LimitName, max: number, retryAt: string) => ({ status: "limited" as const, limit, max, retryAt, clientRefId: "LD0000000001" });

describe("describeOutcome for a limited request", () => {
  it("says how many OTPs the customer had and when to try again, in India time", () => {
    // 17:12:00Z is 10:42 pm in India.
    expect(describeOutcome(limited("mobile-15m", 3, "2026-11-26T17:12:00.000Z"))).toEqual({
      title: "This customer has had 3 OTPs in the last 15 minutes. No OTP was sent.",
      next: "Try again after 10:42 pm IST.",
    });
  });

  it("rounds the time up to the minute, so the agent never comes back too early", () => {
    expect(describeOutcome(limited("mobile-15m", 3, "2026-11-26T17:12:00.001Z")).next).toBe("Try again after 10:43 pm IST.");
  });

  it("gives the date for the 24-hour limit, and speaks to the agent for the agent limit", () => {
    expect(describeOutcome(limited("mobile-24h", 10, "2026-11-27T03:30:00.000Z"))).toEqual({
      title: "This customer has had 10 OTPs in the last 24 hours. No OTP was sent.",
      next: "Try again after 27 Nov, 9:00 am IST.",
    });
    expect(describeOutcome(limited("agent-15m", 30, "2026-11-26T06:32:00.000Z"))).toEqual({
      title: "You have requested 30 OTPs in the last 15 minutes. No OTP was sent.",
      next: "Try again after 12:02 pm IST.",
    });
  });
});
