import { test as setup } from "@playwright/test";
import { LoginPage } from "./pages/login-page";
import { storageStateFor, type RoleName } from "./support/settings";

for (const role of ["agent", "supervisor", "admin"] as const satisfies readonly RoleName[]) {
  setup(`sign in as the demo ${role}`, async ({ page }) => {
    await new LoginPage(page).signInAs(role);
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
