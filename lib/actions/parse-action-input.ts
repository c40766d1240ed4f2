import "server-only";
import { z } from "zod";

export type ParsedInput<T> =
  | { ok: true; data: T }
  | { ok: false; fieldErrors: Record<string, string>; formError: string | null };

/**
 * Every action's input is untrusted (an action is a public POST endpoint): parse before the body runs.
 * The first message per field is enough for a form.
 */
export function parseActionInput<S extends z.ZodType>(schema: S, raw: unknown): ParsedInput<z.output<S>> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const [field, messages] of Object.entries(z.flattenError(parsed.error).fieldErrors)) {
    const first = (messages as string[] | undefined)?.[0];
    if (first) fieldErrors[field] = first;
  }
  const formError = Object.keys(fieldErrors).length === 0 ? "The request was not in the expected form." : null;
  return { ok: false, fieldErrors, formError };
}
