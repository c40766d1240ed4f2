import type { Locale } from "./locales";
import { en, type MessageKey } from "./messages/en";
import { hi } from "./messages/hi";

export type { MessageKey } from "./messages/en";
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { en, hi };

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(en, value);
}

function fill(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function createTranslator(locale: Locale): Translate {
  const messages = MESSAGES[locale];
  return (key, vars) => fill(messages[key], vars);
}

/**
 * For text that may be a message key or words from elsewhere (Eko's own field messages): a key is translated,
 * anything else is shown as it came.
 */
export function translateText(t: Translate, text: string, vars?: Vars): string {
  return isMessageKey(text) ? t(text, vars) : text;
}
