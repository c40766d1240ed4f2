// The embedded database (PGlite) on a thread of its own, served over a Unix socket by PGlite's published socket
// server, so the desk reaches it with the same driver (pg) and drizzle dialect as PostgreSQL, and its WebAssembly runs
// beside the server's event loop rather than on it. Plain JavaScript that Node runs as is (lib/db/embedded-server.ts starts it).
// Messages out: { ready: true } or { ready: false, error } once; "closed" after a "close" message in.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const port = parentPort;
if (!port) throw new Error("embedded-thread.mjs runs only as a worker thread");

function plainError(error) {
  return error instanceof Error ? { name: error.name, message: error.message, code: error.code } : { name: "Error", message: String(error) };
}

try {
  const db = workerData.dataDir ? new PGlite(workerData.dataDir) : new PGlite();
  await db.waitReady;
  // The desk's pool keeps one connection (lib/db/open.ts): PGlite runs one session. pg replaces a connection after
  // any failed query, and the old one may still be closing when the new one arrives, so the server admits a few.
  const server = new PGLiteSocketServer({ db, path: workerData.socketPath, maxConnections: 4 });
  await server.start();
  port.on("message", async (message) => {
    if (message !== "close") return;
    await server.stop().catch(() => undefined);
    await db.close().catch(() => undefined);
    port.postMessage("closed");
  });
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, error: plainError(error) });
}
