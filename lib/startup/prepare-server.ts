import "server-only";
import { closeDb, getDb } from "@/lib/db/client";
import { getEkoConfig } from "@/lib/eko/config";
import { checkSettings, ConfigError } from "@/lib/settings";
import { rebuildRollupsIfMissing } from "@/lib/ledger/rebuild-rollups";
import { logEvent } from "@/lib/log";
import { startTracing, stopTracing } from "@/lib/observability/otel";
import { getMobileVault } from "@/lib/privacy/mobile-vault";
import { startInquiryWorker } from "@/lib/transfers/inquiries";
import { installShutdownHandlers } from "./graceful-shutdown";

function databaseFailed(error: unknown): never {
  console.error(`Levin Desk cannot start: the database could not be opened or migrated (${error instanceof Error ? error.message : String(error)}).`);
  process.exit(1);
}

/**
 * Runs once as the server starts: settings validated, ledger key loaded, and the graceful SIGTERM/SIGINT handler
 * registered (with NEXT_MANUAL_SIG_HANDLE=true, as `npm start` sets). The database is opened and migrated at once
 * but not waited for: the sign-in page is served meanwhile (opening the embedded database takes a second or more),
 * anything that needs the database waits for it, and /api/health says `not-ready` until it answers.
 * Any problem stops the server with a message that names what to fix (never a value).
 */
export async function prepareServerOrExit(): Promise<void> {
  try {
    checkSettings();
    const config = getEkoConfig();
    getMobileVault();
    // `next start` handles signals itself (exiting at once) unless told to leave them to the app.
    const close = () => Promise.all([closeDb(), stopTracing()]).then(() => undefined);
    if (process.env.NEXT_MANUAL_SIG_HANDLE) installShutdownHandlers({ limitMs: config.timeoutMs + 1_000, close });
  } catch (error) {
    // Besides a setting, only the ledger key's file in DATA_DIR can fail here: the database is opened below.
    console.error(
      error instanceof ConfigError
        ? error.message
        : `Levin Desk cannot start: the ledger key in DATA_DIR could not be read or written (${error instanceof Error ? error.message : String(error)}).`,
    );
    process.exit(1);
  }
  // Traces are for watching the desk: without them it still serves.
  await startTracing().catch((error: unknown) =>
    logEvent("error", "tracing.not_started", { error: error instanceof Error ? error.name : "unknown" }),
  );
  // Transfers left open (by this process before a restart, or by any instance) are checked with Eko from here on.
  getDb().then((db) => {
    startInquiryWorker();
    rebuildRollupsIfMissing(db).catch((error: unknown) =>
      logEvent("error", "rollups.rebuild_failed", { error: error instanceof Error ? error.message : "unknown" }),
    );
  }, databaseFailed);
}
