import type { Locale } from "./locales";

const EN_ONES = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

// Hindi names every number below a hundred with its own word.
const HI_BELOW_100 = [
  "शून्य",
  "एक",
  "दो",
  "तीन",
  "चार",
  "पाँच",
  "छह",
  "सात",
  "आठ",
  "नौ",
  "दस",
  "ग्यारह",
  "बारह",
  "तेरह",
  "चौदह",
  "पंद्रह",
  "सोलह",
  "सत्रह",
  "अठारह",
  "उन्नीस",
  "बीस",
  "इक्कीस",
  "बाईस",
  "तेईस",
  "चौबीस",
  "पच्चीस",
  "छब्बीस",
  "सत्ताईस",
  "अट्ठाईस",
  "उनतीस",
  "तीस",
  "इकतीस",
  "बत्तीस",
  "तैंतीस",
  "चौंतीस",
  "पैंतीस",
  "छत्तीस",
  "सैंतीस",
  "अड़तीस",
  "उनतालीस",
  "चालीस",
  "इकतालीस",
  "बयालीस",
  "तैंतालीस",
  "चवालीस",
  "पैंतालीस",
  "छियालीस",
  "सैंतालीस",
  "अड़तालीस",
  "उनचास",
  "पचास",
  "इक्यावन",
  "बावन",
  "तिरपन",
  "चौवन",
  "पचपन",
  "छप्पन",
  "सत्तावन",
  "अट्ठावन",
  "उनसठ",
  "साठ",
  "इकसठ",
  "बासठ",
  "तिरसठ",
  "चौंसठ",
  "पैंसठ",
  "छियासठ",
  "सड़सठ",
  "अड़सठ",
  "उनहत्तर",
  "सत्तर",
  "इकहत्तर",
  "बहत्तर",
  "तिहत्तर",
  "चौहत्तर",
  "पचहत्तर",
  "छिहत्तर",
  "सतहत्तर",
  "अठहत्तर",
  "उनासी",
  "अस्सी",
  "इक्यासी",
  "बयासी",
  "तिरासी",
  "चौरासी",
  "पचासी",
  "छियासी",
  "सत्तासी",
  "अट्ठासी",
  "नवासी",
  "नब्बे",
  "इक्यानबे",
  "बानबे",
  "तिरानबे",
  "चौरानबे",
  "पंचानबे",
  "छियानबे",
  "सत्तानबे",
  "अट्ठानबे",
  "निन्यानबे",
];

type Words = {
  below100: (n: number) => string;
  hundred: string;
  thousand: string;
  lakh: string;
  crore: string;
  zero: string;
  rupee: string;
  rupees: string;
};

const WORDS: Record<Locale, Words> = {
  en: {
    below100: (n) => (n < 20 ? EN_ONES[n]! : `${EN_TENS[Math.floor(n / 10)]}${n % 10 ? `-${EN_ONES[n % 10]}` : ""}`),
    hundred: "hundred",
    thousand: "thousand",
    lakh: "lakh",
    crore: "crore",
    zero: "zero",
    rupee: "rupee",
    rupees: "rupees",
  },
  hi: {
    below100: (n) => HI_BELOW_100[n]!,
    hundred: "सौ",
    thousand: "हज़ार",
    lakh: "लाख",
    crore: "करोड़",
    zero: "शून्य",
    rupee: "रुपया",
    rupees: "रुपये",
  },
};

/** The Indian system: crores, then lakhs, thousands and hundreds; a crore count above 99 is itself read the same way. */
function numberWords(n: number, w: Words): string[] {
  const parts: string[] = [];
  const groups: [number, string][] = [
    [Math.floor(n / 10_000_000), w.crore],
    [Math.floor(n / 100_000) % 100, w.lakh],
    [Math.floor(n / 1_000) % 100, w.thousand],
    [Math.floor(n / 100) % 10, w.hundred],
  ];
  for (const [count, unit] of groups) {
    if (count === 0) continue;
    parts.push(...(count < 100 ? [w.below100(count)] : numberWords(count, w)), unit);
  }
  if (n % 100 !== 0) parts.push(w.below100(n % 100));
  return parts;
}

/**
 * Whole rupees in words, as an agent reads them back to a customer: "One lakh twenty-five thousand rupees",
 * "एक लाख पच्चीस हज़ार रुपये". Null for anything that is not a whole, non-negative, safe number of rupees: the desk
 * takes no paise.
 */
export function amountInWords(amount: number, locale: Locale): string | null {
  if (!Number.isSafeInteger(amount) || amount < 0) return null;
  const w = WORDS[locale];
  const words = amount === 0 ? w.zero : numberWords(amount, w).join(" ");
  const phrase = `${words} ${amount === 1 ? w.rupee : w.rupees}`;
  return locale === "en" ? phrase.charAt(0).toUpperCase() + phrase.slice(1) : phrase;
}
