import { z } from "zod";
import { TRANSFER_STATES } from "@/lib/db/schema-states";

/**
 * The supervisors' transfer filters, as they live in the URL: India-time days, the agent, the state, an amount range.
 * An exact customer mobile never goes in the URL: it is posted (`findTransfersByMobile`).
 */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value);
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const rupees = z
  .string()
  .trim()
  .regex(/^\d{1,9}$/)
  .transform(Number);

export const transferFiltersSchema = z.object({
  state: lenient(z.enum(TRANSFER_STATES)),
  agent: lenient(z.string().trim().min(1).max(64)),
  from: lenient(day),
  to: lenient(day),
  min: lenient(rupees),
  max: lenient(rupees),
});
export type TransferFilters = z.infer<typeof transferFiltersSchema>;

/** Reads the page's search params; a bad value is dropped rather than failing the page. */
export function readTransferFilters(raw: Record<string, string | string[] | undefined>): TransferFilters {
  return transferFiltersSchema.parse(Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])));
}
