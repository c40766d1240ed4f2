import "server-only";
import type { z } from "zod";
import { getTranslator } from "@/lib/i18n/server";
import { translateText } from "@/lib/i18n/translate";

export type ParsedBody<T> = { ok: true; data: T } | { ok: false; response: Response };

/** Reads and validates a JSON request body; a bad one is a 400 with a sentence in the person's language, never a crash. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<ParsedBody<z.output<S>>> {
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    const { t } = await getTranslator();
    return { ok: false, response: Response.json({ error: t("api.notJson") }, { status: 400 }) };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const { t } = await getTranslator();
  const message = parsed.error.issues[0]?.message;
  return { ok: false, response: Response.json({ error: message ? translateText(t, message) : t("api.badRequest") }, { status: 400 }) };
}
