import { z } from "zod";
import { maskMobilesInText } from "@/lib/privacy/mask";

/** Eko's envelope codes, kept for the agent, the supervisor and the log. */
export type EkoCodes = {
  status: number | null;
  responseStatusId: number | null;
  responseTypeId: number | null;
  message: string | null;
};

/** Eko writes numbers as numbers or as digit strings, field by field and answer by answer. */
export const ekoInt = z.union([
  z.number().int(),
  z
    .string()
    .trim()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

/** An amount as Eko writes it ("114.0", 114): a number, or absent when blank. */
export const ekoAmount = z.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?(E\d+)?$/i).transform(Number)]);

/** A text field Eko may send as a number, or as null. */
export const ekoText = z.union([z.string(), z.number().transform(String)]);

export const envelopeSchema = z.object({
  status: ekoInt,
  message: z.string().optional().catch(undefined),
  response_status_id: ekoInt.optional().catch(undefined),
  response_type_id: ekoInt.optional().catch(undefined),
  data: z.unknown().optional(),
  invalid_params: z
    .record(z.string(), z.unknown())
    .optional()
    .catch(undefined),
});

export type EkoEnvelope = z.infer<typeof envelopeSchema>;

/** The codes of an answer, its message with any mobile masked (Eko may echo `customer_id`). */
export function codesOf(envelope: EkoEnvelope): EkoCodes {
  return {
    status: envelope.status,
    responseStatusId: envelope.response_status_id ?? null,
    responseTypeId: envelope.response_type_id ?? null,
    message: maskMobilesInText(envelope.message?.trim() ?? "") || null,
  };
}

/** Eko's invalid_params as field → sentence, every mobile in them masked. */
export function invalidParamsOf(envelope: EkoEnvelope): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, value] of Object.entries(envelope.invalid_params ?? {})) {
    out[field] = maskMobilesInText(typeof value === "string" ? value : JSON.stringify(value));
  }
  return out;
}
