"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedFormAction } from "@/lib/auth/guard";
import { may } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/i18n/server";
import type { MessageKey, Vars } from "@/lib/i18n/translate";
import { newUserSchema, passwordSchema, roleSchema, shopLatlongSchema, userCodeSchema, usernameSchema } from "@/lib/users/schema";
import { createUser, resetPassword, setDisabled, setRole, setShopLocation, setUserCode, UserError } from "@/lib/users/service";

export type AdminResult = { status: "ok"; message: string } | { status: "error"; message: string; values?: Record<string, string> };

type Done = [MessageKey, Vars?];

/** Runs one change and words the outcome in the admin's language. */
async function run(work: () => Promise<Done>): Promise<AdminResult> {
  const { t } = await getTranslator();
  try {
    const [key, vars] = await work();
    revalidatePath("/admin/users");
    return { status: "ok", message: t(key, vars) };
  } catch (error) {
    if (error instanceof UserError) return { status: "error", message: t(error.key, error.vars) };
    throw error;
  }
}

/** Forms post here directly (`useActionState`), so a new password never lands in a URL, script or not. */
export const addUserAction = guardedFormAction("addUser", "manage-users", newUserSchema, async (input, admin): Promise<AdminResult> => {
  const result = await run(async () => {
    await createUser(input, admin.username);
    return ["users.done.added", { username: input.username }];
  });
  // A refused user keeps what was typed (not the password), so the admin corrects rather than retypes.
  return result.status === "error"
    ? { ...result, values: { username: input.username, role: input.role, userCode: input.userCode ?? "", shopLatlong: input.shopLatlong ?? "" } }
    : result;
});

const changeSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("disable"), username: usernameSchema }),
  z.object({ op: z.literal("enable"), username: usernameSchema }),
  z.object({ op: z.literal("reset-password"), username: usernameSchema, password: passwordSchema }),
  z.object({ op: z.literal("set-role"), username: usernameSchema, role: roleSchema }),
  z.object({ op: z.literal("set-user-code"), username: usernameSchema, userCode: userCodeSchema }),
  z.object({
    op: z.literal("set-shop"),
    username: usernameSchema,
    // Left blank, the agent has no shop location.
    shopLatlong: z
      .string()
      .trim()
      .transform((value) => value || null)
      .pipe(shopLatlongSchema.nullable()),
  }),
]);

export const changeUserAction = guardedFormAction("changeUser", "manage-users", changeSchema, (change, admin) =>
  run(async (): Promise<Done> => {
    const self = change.username === admin.username;
    // An admin may not lock themselves out of managing users.
    if (self && (change.op === "disable" || (change.op === "set-role" && !may(change.role, "manage-users")))) {
      throw new UserError("users.error.self");
    }
    switch (change.op) {
      case "disable":
      case "enable":
        await setDisabled(change.username, change.op === "disable", admin.username);
        return [change.op === "disable" ? "users.done.disabled" : "users.done.enabled", { username: change.username }];
      case "reset-password":
        await resetPassword(change.username, change.password, admin.username);
        return ["users.done.password", { username: change.username }];
      case "set-role":
        await setRole(change.username, change.role, admin.username);
        return ["users.done.role", { username: change.username, role: change.role }];
      case "set-user-code":
        await setUserCode(change.username, change.userCode, admin.username);
        return ["users.done.userCode", { username: change.username, userCode: change.userCode }];
      case "set-shop":
        await setShopLocation(change.username, change.shopLatlong, admin.username);
        return change.shopLatlong
          ? ["users.done.shop", { username: change.username, latlong: change.shopLatlong }]
          : ["users.done.shopRemoved", { username: change.username }];
    }
  }),
);
