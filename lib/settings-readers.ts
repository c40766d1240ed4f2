import { z } from "zod";

// The building blocks of lib/settings.ts's schemas: each error names what is wrong, never the value.

export const blankAsMissing = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
/** The value without surrounding spaces; blank counts as unset. */
export const given = (value: unknown) => (typeof value === "string" ? value.trim() || undefined : value);

/** A whole number within bounds; `fallback` when unset or blank. */
export const whole = (unit: string, min: number, max: number, fallback?: number) =>
  z.preprocess(
    (value) => given(value) ?? (fallback === undefined ? undefined : String(fallback)),
    z
      .string({ error: `is required (${unit})` })
      .regex(/^\d+$/, { error: `must be a whole number of ${unit}${fallback === undefined ? "" : ` (default ${fallback})`}` })
      .transform(Number)
      .pipe(
        z
          .number()
          .min(min, { error: `must be at least ${min}` })
          .max(max, { error: `must be at most ${max}` }),
      ),
  );

/** A key or identifier: required, and exactly as issued (no spaces). */
export const required = (what: string) =>
  z.preprocess(
    blankAsMissing,
    z.string({ error: `is required (${what})` }).refine((value) => value === value.trim() && !/\s/.test(value), { error: "must not contain spaces" }),
  );

export const isHttpUrl = (value: string) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
