import "server-only";
import type { z } from "zod";

export type ParsedBody<T> = { ok: true; data: T } | { ok: false; response: Response };

/** Reads and validates a JSON request body; a bad one is a 400 with a sentence, never a crash. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<ParsedBody<z.output<S>>> {
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    return { ok: false, response: Response.json({ error: "The request body must be JSON." }, { status: 400 }) };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const message = parsed.error.issues[0]?.message ?? "The request was not in the expected form.";
  return { ok: false, response: Response.json({ error: message }, { status: 400 }) };
}
