"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { roleAction } from "@/lib/auth/guard";
import { newUserSchema, passwordSchema, roleSchema, userCodeSchema, usernameSchema } from "@/lib/users/schema";
import { createUser, resetPassword, setDisabled, setRole, setUserCode, UserError } from "@/lib/users/service";

export type AdminResult = { status: "ok"; message: string } | { status: "error"; message: string };

async function run(work: () => Promise<string>): Promise<AdminResult> {
  try {
    const message = await work();
    revalidatePath("/admin/users");
    return { status: "ok", message };
  } catch (error) {
    if (error instanceof UserError) return { status: "error", message: error.message };
    throw error;
  }
}

export const addUserAction = roleAction("addUser", ["admin"], newUserSchema, (input, admin) =>
  run(async () => {
    await createUser(input, admin.username);
    return `Added ${input.username}.`;
  }),
);

const changeSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("disable"), username: usernameSchema }),
  z.object({ op: z.literal("enable"), username: usernameSchema }),
  z.object({ op: z.literal("reset-password"), username: usernameSchema, password: passwordSchema }),
  z.object({ op: z.literal("set-role"), username: usernameSchema, role: roleSchema }),
  z.object({ op: z.literal("set-user-code"), username: usernameSchema, userCode: userCodeSchema }),
]);

export const changeUserAction = roleAction("changeUser", ["admin"], changeSchema, (change, admin) =>
  run(async () => {
    const self = change.username === admin.username;
    if (self && (change.op === "disable" || (change.op === "set-role" && change.role !== "admin"))) {
      throw new UserError("You cannot disable yourself or give up your own admin role: ask another admin.");
    }
    switch (change.op) {
      case "disable":
      case "enable":
        await setDisabled(change.username, change.op === "disable", admin.username);
        return `${change.op === "disable" ? "Disabled" : "Enabled"} ${change.username}.`;
      case "reset-password":
        await resetPassword(change.username, change.password, admin.username);
        return `Password reset for ${change.username}; their sessions were ended.`;
      case "set-role":
        await setRole(change.username, change.role, admin.username);
        return `${change.username} is now ${change.role}.`;
      case "set-user-code":
        await setUserCode(change.username, change.userCode, admin.username);
        return `${change.username}'s Eko user_code is now ${change.userCode}.`;
    }
  }),
);
