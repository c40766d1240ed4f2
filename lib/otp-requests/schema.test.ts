import { zodResolver } from "@hookform/resolvers/zod";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskMobile } from "@/lib/privacy/mask";
import { normaliseMobile } from "./mobile";
import { createOtpRequestSchema } from "./schema";

const schema = createOtpRequestSchema({ minAmount: 100, maxAmount: 25000 });
const valid = { recipientId: "10017740", amount: "110", customerMobile: "9444444444", beneficiaryId: "" };
const asciiDigitsOf = (s: string) => s.replace(/[^0-9]/g, "");

describe("normaliseMobile", () => {
  it.each(["+91 98765 43210", "098765-43210", "919876543210", "9876543210", " 98765 43210 ", "0091 98765 43210", "+91-98765-43210"])(
    "reads %j as 9876543210",
    (input) => {
      expect(normaliseMobile(input)).toBe("9876543210");
    },
  );

  it.each(["5876543210", "98765", "98765432100", "+92 9876543210", "abc9876543210", "९८७६५४३२१०", "", "00 98765 43210"])("rejects %j", (input) => {
    expect(normaliseMobile(input)).toBeNull();
  });

  const digit = fc.constantFrom(..."0123456789");
  // Near-misses and hits: a prefix, about 10 digits, separators (mostly Eko-legal, some not), sometimes one random character.
  const separator = fc.oneof(
    { arbitrary: fc.constant(""), weight: 8 },
    { arbitrary: fc.constantFrom(" ", "-", "(", ")", ".", "\u00a0", "\t"), weight: 3 },
    { arbitrary: fc.constantFrom("+", "/", "_"), weight: 1 },
  );
  const first = fc.oneof({ arbitrary: fc.constantFrom(..."6789"), weight: 3 }, digit);
  const rest = fc.oneof({ arbitrary: fc.array(digit, { minLength: 9, maxLength: 9 }), weight: 3 }, fc.array(digit, { minLength: 8, maxLength: 10 }));
  const mobileLike = fc
    .tuple(
      fc.constantFrom("", "+91", "0", "91", "0091", "+", "00", "+92"),
      first,
      rest,
      fc.array(separator, { minLength: 12, maxLength: 12 }),
      fc.option(fc.tuple(fc.nat(), fc.string({ unit: "binary", minLength: 1, maxLength: 1 })), { freq: 4 }),
    )
    .map(([prefix, d0, ds, seps, noise]) => {
      const s = prefix + [d0, ...ds].map((d, i) => d + (seps[i] ?? "")).join("");
      if (!noise) return s;
      const at = noise[0] % (s.length + 1);
      return s.slice(0, at) + noise[1] + s.slice(at);
    });

  it("only ever returns the last 10 ASCII digits of a letter-free input, as a valid mobile", () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), { arbitrary: mobileLike, weight: 2 }), (input) => {
        const result = normaliseMobile(input);
        if (result === null) return;
        accepted++;
        expect(result).toMatch(/^[6-9]\d{9}$/);
        expect(result).toBe(asciiDigitsOf(input).slice(-10));
        expect(input).not.toMatch(/\p{L}/u);
      }),
      { numRuns: 3000 },
    );
    // The property must actually be exercised on accepted inputs, not hold vacuously.
    expect(accepted).toBeGreaterThan(30);
  });

  it("reads back every valid mobile written with a prefix and random separators", () => {
    const mobile = fc.tuple(fc.constantFrom(..."6789"), fc.array(digit, { minLength: 9, maxLength: 9 })).map(([d0, ds]) => d0 + ds.join(""));
    const gap = fc.constantFrom("", "", " ", "-", "  ", " - ");
    const written = fc.tuple(mobile, fc.constantFrom("", "+91", "0", "91", "0091"), fc.array(gap, { minLength: 11, maxLength: 11 }));
    fc.assert(
      fc.property(written, ([m, prefix, seps]) => {
        const input = [...(prefix + m)].map((ch, i) => ch + (seps[i] ?? "")).join("");
        expect(normaliseMobile(` ${input} `)).toBe(m);
      }),
      { numRuns: 500 },
    );
  });
});

describe("maskMobile", () => {
  it("shows only the last four digits", () => {
    expect(maskMobile("9876544444")).toBe("••••••4444");
  });
});

describe("createOtpRequestSchema", () => {
  const amount = schema.def.out.shape.amount;

  it("parses a full valid form into typed values", () => {
    expect(schema.parse({ ...valid, customerMobile: "+91 94444 44444", beneficiaryId: " 40367 " })).toEqual({
      recipientId: 10017740,
      amount: 110,
      customerMobile: "9444444444",
      beneficiaryId: "40367",
    });
  });

  it("rejects any whole amount outside [100, 25000]", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ max: 99 }), fc.integer({ min: 25001 }), fc.integer({ min: 25001, max: 999_999_999 })), (n) => {
        expect(amount.safeParse(String(n)).success).toBe(false);
      }),
    );
  });

  it("accepts every whole amount inside [100, 25000] as a number", () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 25000 }), (n) => {
        expect(amount.parse(String(n))).toBe(n);
      }),
    );
    expect(amount.parse("100")).toBe(100);
    expect(amount.parse("25000")).toBe(25000);
  });

  it("reads Indian formatting and refuses paise", () => {
    expect(amount.parse("1,500")).toBe(1500);
    expect(amount.parse("₹ 2,000")).toBe(2000);
    expect(amount.parse("150.00")).toBe(150);
    for (const bad of ["150.50", "150.5", "", "abc", "1e3", "-150"]) expect(amount.safeParse(bad).success).toBe(false);
  });

  it("recipient ID is a positive whole number", () => {
    expect(schema.def.out.shape.recipientId.parse("10017740")).toBe(10017740);
    for (const bad of ["0", "-5", "12a", "", "  "]) expect(schema.def.out.shape.recipientId.safeParse(bad).success).toBe(false);
  });

  it("beneficiary ID is optional: blank becomes undefined", () => {
    expect(schema.parse({ ...valid, beneficiaryId: "" }).beneficiaryId).toBeUndefined();
    expect(schema.parse({ ...valid, beneficiaryId: undefined }).beneficiaryId).toBeUndefined();
    expect(schema.safeParse({ ...valid, beneficiaryId: "40-367" }).success).toBe(false);
  });

  it("names the mobile field when the number is wrong", () => {
    const result = schema.safeParse({ ...valid, customerMobile: "5876543210" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["customerMobile"]);
  });
});

describe("the browser's check: react-hook-form's zodResolver over the action's schema", () => {
  const resolve = zodResolver(schema);
  const resolverOptions = { fields: {}, shouldUseNativeValidation: false } as const;
  // Values near every rule's edge: blanks, separators, paise, signs, letters, the bounds, too many digits.
  const text = fc.oneof(
    fc.constantFrom("", " ", "0", "99", "100", "25000", "25001", "1,500", "₹ 2,000", "150.00", "150.5", "-150", "1e3", "12a"),
    fc.constantFrom("9444444444", "+91 94444 44444", "5876543210", "40367", "40-367", "123456789012345", "1234567890123456"),
    fc.string({ maxLength: 22 }),
  );

  it("accept and refuse the same forms, with the same values and the same message on the same field", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ recipientId: text, amount: text, customerMobile: text, beneficiaryId: fc.option(text, { nil: undefined }) }),
        async (values) => {
          const server = schema.safeParse(values);
          const browser = await resolve(values, undefined, resolverOptions);
          if (server.success) {
            expect(browser.errors).toEqual({});
            expect(browser.values).toEqual(server.data);
          } else {
            const serverMessages = Object.fromEntries(server.error.issues.map((issue) => [issue.path.join("."), issue.message]));
            const browserMessages = Object.fromEntries(Object.entries(browser.errors).map(([name, error]) => [name, error?.message]));
            expect(browserMessages).toEqual(serverMessages);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("names each wrong field with its dictionary key", async () => {
    const result = await resolve({ ...valid, amount: "150.50", customerMobile: "" }, undefined, resolverOptions);
    expect(result.errors).toEqual({
      amount: expect.objectContaining({ message: "error.amount.whole" }),
      customerMobile: expect.objectContaining({ message: "error.customerMobile.required" }),
    });
  });
});
