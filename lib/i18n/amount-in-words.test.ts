import { describe, expect, it } from "vitest";
import { amountInWords } from "./amount-in-words";

describe("amountInWords in English, Indian system", () => {
  it.each([
    [0, "Zero rupees"],
    [1, "One rupee"],
    [7, "Seven rupees"],
    [19, "Nineteen rupees"],
    [20, "Twenty rupees"],
    [21, "Twenty-one rupees"],
    [99, "Ninety-nine rupees"],
    [100, "One hundred rupees"],
    [101, "One hundred one rupees"],
    [999, "Nine hundred ninety-nine rupees"],
    [1_000, "One thousand rupees"],
    [1_500, "One thousand five hundred rupees"],
    [25_000, "Twenty-five thousand rupees"],
    [99_999, "Ninety-nine thousand nine hundred ninety-nine rupees"],
    [1_00_000, "One lakh rupees"],
    [1_25_000, "One lakh twenty-five thousand rupees"],
    [10_00_000, "Ten lakh rupees"],
    [99_99_999, "Ninety-nine lakh ninety-nine thousand nine hundred ninety-nine rupees"],
    [1_00_00_000, "One crore rupees"],
    [999_999_999, "Ninety-nine crore ninety-nine lakh ninety-nine thousand nine hundred ninety-nine rupees"],
    [1_23_45_67_890, "One hundred twenty-three crore forty-five lakh sixty-seven thousand eight hundred ninety rupees"],
  ])("%d is %j", (amount, words) => {
    expect(amountInWords(amount, "en")).toBe(words);
  });
});

describe("amountInWords in Hindi", () => {
  it.each([
    [0, "शून्य रुपये"],
    [1, "एक रुपया"],
    [5, "पाँच रुपये"],
    [99, "निन्यानबे रुपये"],
    [100, "एक सौ रुपये"],
    [250, "दो सौ पचास रुपये"],
    [1_500, "एक हज़ार पाँच सौ रुपये"],
    [25_000, "पच्चीस हज़ार रुपये"],
    [1_00_000, "एक लाख रुपये"],
    [1_25_000, "एक लाख पच्चीस हज़ार रुपये"],
    [47_35_089, "सैंतालीस लाख पैंतीस हज़ार नवासी रुपये"],
    [2_00_00_000, "दो करोड़ रुपये"],
  ])("%d is %j", (amount, words) => {
    expect(amountInWords(amount, "hi")).toBe(words);
  });

  it("has a distinct word for each number below a hundred", () => {
    const words = Array.from({ length: 100 }, (_, n) => amountInWords(n, "hi"));
    expect(new Set(words).size).toBe(100);
  });
});

describe("amountInWords refuses what is not whole rupees", () => {
  it.each([150.5, 0.01, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])("%d gives null", (amount) => {
    expect(amountInWords(amount, "en")).toBeNull();
    expect(amountInWords(amount, "hi")).toBeNull();
  });
});
