// The embedded database (PGlite) on a thread of its own, so its WebAssembly runs beside the server's event loop
// rather than on it. Plain JavaScript that Node runs as is (lib/db/pglite-thread.ts starts it); nothing is bundled.
// Messages in: { id, op: "query" | "exec" | "begin" | "end" | "close", txId?, text?, params?, options?, commit? }.
// Messages out: { id, ok: true, result } or { id, ok: false, error }, and { ready: true } or { ready: false, error } once.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

const port = parentPort;
if (!port) throw new Error("pglite-worker.mjs runs only as a worker thread");

/** An error as plain data: PGlite's database errors carry the SQLSTATE code and its details as properties. */
function plainError(error) {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const plain = { name: error.name, message: error.message };
  for (const [key, value] of Object.entries(error)) if (value === null || ["string", "number", "boolean"].includes(typeof value)) plain[key] = value;
  return plain;
}

/** Types the caller wants left as the text PostgreSQL sent (drizzle reads dates and intervals itself). */
function queryOptions(options) {
  if (!options) return undefined;
  const { rawTypes, ...rest } = options;
  if (!rawTypes?.length) return rest;
  return { ...rest, parsers: Object.fromEntries(rawTypes.map((type) => [type, (value) => value])) };
}

let db;
/** Open transactions by id: the callback PGlite runs holds it open until the caller ends it. */
const transactions = new Map();

async function begin(id) {
  let end;
  const ended = new Promise((resolve, reject) => (end = { commit: resolve, rollback: reject }));
  let opened;
  const open = new Promise((resolve) => (opened = resolve));
  const whole = db.transaction(async (tx) => {
    transactions.set(id, { tx, end });
    opened();
    await ended;
  });
  // A transaction that fails to begin settles `whole` without ever opening.
  await Promise.race([open, whole]);
  const entry = transactions.get(id);
  if (entry) entry.whole = whole;
  return null;
}

async function finish(txId, commit) {
  const entry = transactions.get(txId);
  if (!entry) throw new Error(`No open transaction ${txId}`);
  transactions.delete(txId);
  if (commit) {
    entry.end.commit();
    await entry.whole;
  } else {
    entry.end.rollback(new Error("rolled back"));
    await entry.whole.catch(() => undefined);
  }
  return null;
}

function target(txId) {
  if (txId === undefined) return db;
  const entry = transactions.get(txId);
  if (!entry) throw new Error(`No open transaction ${txId}`);
  return entry.tx;
}

async function handle(message) {
  switch (message.op) {
    case "query":
      return target(message.txId).query(message.text, message.params ?? [], queryOptions(message.options));
    case "exec":
      return target(message.txId).exec(message.text, queryOptions(message.options));
    case "begin":
      return begin(message.id);
    case "end":
      return finish(message.txId, message.commit);
    case "close":
      await db.close();
      return null;
    default:
      throw new Error(`Unknown operation ${message.op}`);
  }
}

try {
  db = workerData.dataDir ? new PGlite(workerData.dataDir) : new PGlite();
  await db.waitReady;
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, error: plainError(error) });
}

port.on("message", (message) => {
  handle(message).then(
    (result) => port.postMessage({ id: message.id, ok: true, result }),
    (error) => port.postMessage({ id: message.id, ok: false, error: plainError(error) }),
  );
});
