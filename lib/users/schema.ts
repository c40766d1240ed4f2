import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/auth/session-settings";
import { ROLES } from "@/lib/db/schema-states";
import { readLatlong } from "@/lib/transfers/fields";

/**
 * Shared by the admin forms, their actions and `npm run users`: imports nothing server- or client-only. Messages are
 * dictionary keys (lib/i18n): the desk shows them in the admin's language, the command line in English.
 */
export const usernameSchema = z
  .string({ error: "users.error.username.required" })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, { error: "users.error.username.format" });

export const passwordSchema = z
  .string({ error: "users.error.password.required" })
  .min(MIN_PASSWORD_LENGTH, { error: "users.error.password.short" })
  .max(MAX_PASSWORD_LENGTH, { error: "users.error.password.long" });

export const roleSchema = z.enum(ROLES, { error: "users.error.role" });

export const userCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{1,20}$/, { error: "users.error.userCode.digits" });

/** A shop's location ("lat,long"), normalised by the same rule the transfers read Eko's `latlong` with. */
export const shopLatlongSchema = z.string({ error: "users.error.shopLatlong" }).transform((text, ctx) => {
  const latlong = readLatlong(text);
  if (latlong) return latlong;
  ctx.issues.push({ code: "custom", message: "users.error.shopLatlong", input: text });
  return z.NEVER;
});

export const newUserSchema = z
  .object({
    username: usernameSchema,
    name: z.string().trim().max(80).optional(),
    password: passwordSchema,
    role: roleSchema,
    userCode: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || undefined)
      .pipe(userCodeSchema.optional()),
    shopLatlong: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || undefined)
      .pipe(shopLatlongSchema.optional()),
  })
  .refine((user) => user.role !== "agent" || user.userCode, { path: ["userCode"], error: "users.error.userCode.agent" });

export type NewUser = z.output<typeof newUserSchema>;
