import { describe, expect, it } from "vitest";
import { maskMobilesInText } from "./mask";

describe("maskMobilesInText", () => {
  it.each([
    ["Customer 6111111111 not found", "Customer ••••••1111 not found"],
    ["customer_id +919876543210 is blocked", "customer_id ••••••3210 is blocked"],
    ["call 09876543210", "call ••••••3210"],
    ["mobile 98765 43210.", "mobile ••••••3210."],
    ["91-9876543210", "••••••3210"],
    ["6111111111,7222222222", "••••••1111,••••••2222"],
  ])("masks %j", (text, masked) => {
    expect(maskMobilesInText(text)).toBe(masked);
  });

  it.each(["TID 12345678901234", "account 000123456789012", "amount 5000", "user_code 20810200", "ref 5111111111"])(
    "leaves %j alone: not a mobile",
    (text) => {
      expect(maskMobilesInText(text)).toBe(text);
    },
  );
});
