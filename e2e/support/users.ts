import type { Browser } from "@playwright/test";
import { AdminUsersPage, type NewUserDetails } from "../pages/admin-users-page";
import { storageStateFor } from "./settings";
import { TEST_PASSWORD, uniqueUsername } from "./unique";

/** Creates an account the way an admin does, through /admin/users, in a context of its own; returns its details. */
export async function createUserAsAdmin(browser: Browser, role: NewUserDetails["role"], prefix: string = role): Promise<NewUserDetails> {
  const user: NewUserDetails = { username: uniqueUsername(prefix), password: TEST_PASSWORD, role, userCode: role === "agent" ? "20810200" : undefined };
  const context = await browser.newContext({ storageState: storageStateFor("admin") });
  try {
    const admin = new AdminUsersPage(await context.newPage());
    await admin.goto();
    await admin.addUser(user);
    await admin.row(user.username).waitFor();
  } finally {
    await context.close();
  }
  return user;
}
