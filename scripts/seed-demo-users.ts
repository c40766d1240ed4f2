import { closeDb } from "@/lib/db/client";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { createUser, listUsers, setShopLocation } from "@/lib/users/service";

/** Creates the demo accounts that are missing; the demo agent's Eko user_code is EKO_USER_CODE when set. */
async function main() {
  const existing = new Map((await listUsers()).map((u) => [u.username, u]));
  for (const account of DEMO_ACCOUNTS) {
    const shopLatlong = "shopLatlong" in account ? account.shopLatlong : undefined;
    const found = existing.get(account.username);
    if (found) {
      // A demo agent made before shops had a location gets one; one an admin set stays.
      if (shopLatlong && !found.shopLatlong) await setShopLocation(account.username, shopLatlong, "demo");
      continue;
    }
    const userCode = "userCode" in account ? (process.env.EKO_USER_CODE ?? account.userCode) : undefined;
    await createUser({ username: account.username, password: account.password, role: account.role, userCode, shopLatlong }, "demo");
  }
}

main()
  .catch((error: unknown) => {
    console.error(`Could not create the demo accounts: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
