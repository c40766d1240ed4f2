import * as z from "zod/mini";
import type { FieldRead } from "@/lib/otp-requests/fields";

/**
 * A field reader as a zod/mini schema, for forms that check with react-hook-form (zodResolver) and again in the
 * action: a refusal is an issue on that field, its message the reader's dictionary key.
 */
export function fromReader<T>(read: (input: unknown) => FieldRead<T>) {
  return z.pipe(
    z.unknown(),
    z.transform((input, payload) => {
      const result = read(input);
      if (result.ok) return result.value;
      payload.issues.push({ code: "custom", message: result.error, input });
      return z.NEVER;
    }),
  );
}
