import { describe, expect, it } from "vitest";
import { bankOfIfsc } from "./banks";
import { readNewRecipient } from "./new-recipient";

const valid = { name: " Ravi  Kumar ", mobile: "+91 98123 45678", account: "1234 5678 9012", accountConfirm: "123456789012", ifsc: "hdfc0001234", accountType: "1" };

describe("the add-recipient form, as the browser and the server read it", () => {
  it("reads a well-formed recipient, tidied: spaces, the mobile's prefix, the IFSC's case", () => {
    expect(readNewRecipient(valid)).toEqual({
      ok: true,
      value: { name: "Ravi Kumar", mobile: "9812345678", account: "123456789012", ifsc: "HDFC0001234", accountType: "1" },
    });
  });

  it("refuses two account numbers that differ, and says so on the second field", () => {
    expect(readNewRecipient({ ...valid, accountConfirm: "123456789013" })).toEqual({ ok: false, errors: { accountConfirm: "error.recipient.account.mismatch" } });
  });

  it("names every wrong field with its own message", () => {
    const read = readNewRecipient({ name: "R2D2", mobile: "12345", account: "12ab", accountConfirm: "", ifsc: "HDFC1234567", accountType: "9" });
    expect(read).toEqual({
      ok: false,
      errors: {
        name: "error.recipient.name.format",
        mobile: "error.customerMobile.invalid",
        account: "error.recipient.account.format",
        ifsc: "error.recipient.ifsc.format",
        accountType: "error.recipient.accountType",
      },
    });
  });

  it("asks for what is missing", () => {
    const read = readNewRecipient({});
    expect(read.ok ? {} : read.errors).toMatchObject({
      name: "error.recipient.name.required",
      mobile: "error.recipient.mobile.required",
      account: "error.recipient.account.required",
      ifsc: "error.recipient.ifsc.required",
    });
  });

  it("names the bank from the IFSC's first four letters, and none for a code it does not know", () => {
    expect(bankOfIfsc("sbin0001234")).toBe("State Bank of India");
    expect(bankOfIfsc("ZZZZ0001234")).toBeNull();
  });
});
