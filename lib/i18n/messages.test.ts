import { describe, expect, it } from "vitest";
import { en } from "./messages/en";
import { hi } from "./messages/hi";
import { createTranslator } from "./dictionaries";
import { translateText } from "./translate";

const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the Hindi dictionary", () => {
  it("has exactly the English keys", () => {
    expect(Object.keys(hi).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en) as (keyof typeof en)[])("%s keeps the same {slots} and is not empty", (key) => {
    expect(hi[key].trim()).not.toBe("");
    expect(slots(hi[key])).toEqual(slots(en[key]));
  });

  it("is actually Hindi where English is English: most entries use Devanagari", () => {
    const devanagari = Object.values(hi).filter((text) => /[\u0900-\u097F]/.test(text)).length;
    expect(devanagari / Object.keys(hi).length).toBeGreaterThan(0.9);
  });
});

describe("createTranslator", () => {
  it("fills slots and leaves unknown ones visible", () => {
    const t = createTranslator("en");
    expect(t("hint.amount", { min: "₹100", max: "₹25,000" })).toBe("Whole rupees, ₹100 to ₹25,000.");
    expect(t("hint.amount", { min: "₹100" })).toBe("Whole rupees, ₹100 to {max}.");
    expect(createTranslator("hi")("transfer.send")).toBe("OTP भेजें");
  });

  it("translates keys but shows other text as it came", () => {
    const t = createTranslator("hi");
    expect(translateText(t, "error.amount.required")).toBe("राशि लिखें।");
    expect(translateText(t, "Invalid recipient_id")).toBe("Invalid recipient_id");
  });
});
