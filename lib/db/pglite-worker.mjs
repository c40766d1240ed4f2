// The embedded database (PGlite) on a thread of its own, so its WebAssembly runs beside the server's event loop
// rather than on it. Plain JavaScript that Node runs as is (lib/db/pglite-thread.ts starts it); nothing is bundled.
// Messages in: { id, op: "query" | "exec" | "statement" | "begin" | "end" | "close", txId?, name?, text?, params?,
// options?, commit? }.
// Messages out: { id, ok: true, result } or { id, ok: false, error }, and { ready: true } or { ready: false, error } once.
import { parentPort, workerData } from "node:worker_threads";
import { parse, PGlite, protocol } from "@electric-sql/pglite";

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

/**
 * One of the OTP path's fixed statements (lib/db/statements.ts): prepared under its name the first time, then bound
 * and executed, all in one message to Postgres. PGlite's `query` parses, plans and describes every statement anew
 * in six separate calls into WebAssembly; this is the round trip a network client makes. Runs under PGlite's own
 * locks, so it waits for an open transaction like any query.
 */
const prepared = new Set();

function joined(parts) {
  const out = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

async function statement(name, text, params) {
  const { serialize, Parser } = protocol;
  const values = params.map((value) => (value === null || value === undefined ? null : String(value)));
  return db._runExclusiveTransaction(() =>
    db.runExclusive(async () => {
      const parts = prepared.has(name) ? [] : [serialize.parse({ name, text })];
      parts.push(serialize.bind({ statement: name, values }), serialize.describe({ type: "P" }), serialize.execute({}), serialize.sync());
      const messages = [];
      new Parser().parse(await db.execProtocolRaw(joined(parts)), (message) => messages.push(message));
      if (messages.some((message) => message.name === "parseComplete")) prepared.add(name);
      const error = messages.find((message) => message.name === "error");
      if (error) throw error;
      await db.syncToFs();
      return parse.parseResults(messages, db.parsers)[0] ?? { rows: [], affectedRows: 0 };
    }),
  );
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
    case "statement":
      return statement(message.name, message.text, message.params ?? []);
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
