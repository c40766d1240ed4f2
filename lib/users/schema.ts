import { z } from "zod";
import { ROLES } from "@/lib/db/schema-states";

/** Shared by the admin forms, their actions and `npm run users`: imports nothing server- or client-only. */
export const usernameSchema = z
  .string({ error: "Enter a username." })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, { error: "Usernames are 3–32 letters, digits, dots, dashes or underscores." });

export const passwordSchema = z
  .string({ error: "Enter a password." })
  .min(12, { error: "Passwords are at least 12 characters." })
  .max(128, { error: "Passwords are at most 128 characters." });

export const roleSchema = z.enum(ROLES, { error: "Role is agent, supervisor or admin." });

export const userCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{1,20}$/, { error: "The Eko user_code is digits only." });

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
  })
  .refine((user) => user.role !== "agent" || user.userCode, { path: ["userCode"], error: "An agent needs their Eko user_code." });

export type NewUser = z.output<typeof newUserSchema>;
