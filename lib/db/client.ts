import "server-only";
import { logEvent } from "@/lib/log";
import { openDatabase, type Db, type DbHandle } from "./open";
import { freshSettings } from "@/lib/settings";

// One database per process: survives dev reloads (module re-evaluation) because it hangs off globalThis.
const holder = globalThis as typeof globalThis & { __levinDeskDb?: Promise<DbHandle> };

async function openAndMigrate(): Promise<DbHandle> {
  const handle = await openDatabase(freshSettings("database").target);
  await handle.migrate();
  return handle;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** The open database with what it is (embedded or PostgreSQL), opened and migrated on first use. */
export async function getDbHandle(): Promise<DbHandle> {
  const current = holder.__levinDeskDb;
  const open = current && (await current.catch(() => undefined));
  // The embedded database's thread died (it would fail every statement): open it again, as a restart would. Only
  // the first caller to notice replaces it.
  if (open?.stopped() && holder.__levinDeskDb === current) {
    logEvent("error", "db.reopened", { reason: "the embedded database's thread stopped" });
    holder.__levinDeskDb = undefined;
  }
  holder.__levinDeskDb ??= openAndMigrate().catch((error: unknown) => {
    holder.__levinDeskDb = undefined; // let the next request try again
    throw error;
  });
  return holder.__levinDeskDb;
}

export async function closeDb(): Promise<void> {
  const pending = holder.__levinDeskDb;
  holder.__levinDeskDb = undefined;
  if (pending) await (await pending).close();
}
