import "server-only";
import { openDatabase, type Db, type DbHandle } from "./open";
import { dbTargetFrom } from "./target";

// One database per process: survives dev reloads (module re-evaluation) because it hangs off globalThis.
const holder = globalThis as typeof globalThis & { __levinDeskDb?: Promise<DbHandle> };

async function openAndMigrate(): Promise<DbHandle> {
  const handle = await openDatabase(dbTargetFrom(process.env));
  await handle.migrate();
  return handle;
}

export async function getDb(): Promise<Db> {
  holder.__levinDeskDb ??= openAndMigrate().catch((error: unknown) => {
    holder.__levinDeskDb = undefined; // let the next request try again
    throw error;
  });
  return (await holder.__levinDeskDb).db;
}

export async function closeDb(): Promise<void> {
  const pending = holder.__levinDeskDb;
  holder.__levinDeskDb = undefined;
  if (pending) await (await pending).close();
}
