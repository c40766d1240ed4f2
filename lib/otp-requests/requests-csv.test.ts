import { describe, expect, it } from "vitest";
import type { ReviewRow } from "./review-filters";
import { csvLine } from "./requests-csv";

const row: ReviewRow = {
  id: 1,
  createdAt: "2026-12-03T10:00:00.000Z",
  agent: "demo-agent",
  userCode: "20810200",
  customerMobileMasked: "••••••1111",
  recipientId: 10017740,
  beneficiaryId: null,
  recipientName: "Madness",
  recipientBank: "State Bank of India",
  recipientAccountMasked: "43XXXXXXXXX45",
  amount: 500,
  state: "sent",
  otpRefId: "abc",
  failureReason: null,
  ekoStatus: 2133,
  ekoResponseStatusId: 1,
  ekoResponseTypeId: 2133,
  ekoMessage: "Send OTP",
  httpStatus: 200,
  latencyMs: 42,
};

const cells = (line: string) => line.split(",");

describe("csvLine", () => {
  it.each(['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])(
    "never lets a text cell start a formula, whichever column it is in (%j)",
    (formula) => {
      for (const column of ["otpRefId", "ekoMessage", "beneficiaryId", "agent", "userCode", "recipientName"] as const) {
        const line = csvLine({ ...row, [column]: formula });
        expect(line).not.toMatch(/(^|,)"?[=+\-@\t\r]/);
        expect(line).toContain(`'${formula.replace(/"/g, '""')}`);
      }
    },
  );

  it("writes numbers as numbers", () => {
    expect(cells(csvLine(row)).slice(6, 7)).toEqual(["500"]);
    expect(cells(csvLine({ ...row, ekoResponseStatusId: -2 }))[9]).toBe("-2");
  });
});
