import type { Locale } from "./locales";
import type { MessageKey } from "./messages/en";

export type { MessageKey } from "./messages/en";
export type Vars = Record<string, string | number>;
/** One language's words; the browser gets only the active language's, from the root layout (components/locale-provider.tsx). */
export type Messages = Readonly<Record<MessageKey, string>>;
export type Translate = ((key: MessageKey, vars?: Vars) => string) & {
  /** Whether `text` is one of the dictionary's keys, not words from elsewhere. */
  has: (text: string) => text is MessageKey;
};
/** A language and its translator, as pages and components hold them. */
export type I18n = { locale: Locale; t: Translate };

function fill(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Holds no dictionary of its own, so a client component that imports it ships none. */
export function translatorFor(messages: Messages): Translate {
  const t = ((key: MessageKey, vars?: Vars) => fill(messages[key], vars)) as Translate;
  t.has = (text: string): text is MessageKey => Object.hasOwn(messages, text);
  return t;
}

/**
 * For text that may be a message key or words from elsewhere (Eko's own field messages): a key is translated,
 * anything else is shown as it came.
 */
export function translateText(t: Translate, text: string, vars?: Vars): string {
  return t.has(text) ? t(text, vars) : text;
}
