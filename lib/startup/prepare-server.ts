import "server-only";
import { getDb } from "@/lib/db/client";
import { ConfigError, getEkoConfig } from "@/lib/eko/config";
import { pendingGraceMs } from "@/lib/otp-requests/ledger-settings";
import { getLimitSettings } from "@/lib/otp-requests/limit-settings";
import { authSettings } from "@/lib/auth/auth-settings";
import { trustedProxyHops } from "@/lib/auth/client-address";
import { getMobileVault } from "@/lib/privacy/mobile-vault";

/**
 * Runs once as the server starts: settings validated, ledger key loaded, database opened and migrated.
 * Any problem stops the server with a message that names what to fix (never a value).
 */
export async function prepareServerOrExit(): Promise<void> {
  try {
    getEkoConfig();
    pendingGraceMs();
    getLimitSettings();
    authSettings();
    trustedProxyHops();
    getMobileVault();
    await getDb();
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message);
    else console.error(`Levin Desk cannot start: the database could not be opened or migrated (${error instanceof Error ? error.message : String(error)}).`);
    process.exit(1);
  }
}
