import "server-only";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";

const WORKER_FILE = path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "db", "embedded-thread.mjs");
/** The port number only names the socket file (`.s.PGSQL.<port>`), the way PostgreSQL and pg name it. */
const SOCKET_PORT = 5432;

/**
 * PGlite on a worker thread, listening on a Unix socket in a folder only this user can enter (nothing on the
 * network can reach it; PGlite asks for no password). `stopped` turns true if the thread dies.
 */
export class EmbeddedServer {
  readonly socketDir: string;
  readonly port = SOCKET_PORT;
  private readonly worker: Worker;
  private failure: Error | null = null;

  private constructor(dataDir: string | null) {
    this.socketDir = mkdtempSync(path.join(tmpdir(), "levin-desk-db-"));
    const socketPath = path.join(this.socketDir, `.s.PGSQL.${SOCKET_PORT}`);
    this.worker = new Worker(WORKER_FILE, { workerData: { dataDir, socketPath } });
    // The socket keeps the process alive while connections are open; the thread itself need not.
    this.worker.unref();
    this.worker.on("error", (error) => (this.failure ??= error));
    this.worker.on("exit", (code) => (this.failure ??= new Error(`The embedded database thread stopped (exit code ${code})`)));
  }

  static async start(dataDir: string | null): Promise<EmbeddedServer> {
    const server = new EmbeddedServer(dataDir);
    try {
      await new Promise<void>((resolve, reject) => {
        server.worker.once("message", (first: { ready: boolean; error?: { message: string; code?: string } }) => {
          if (first.ready) return resolve();
          reject(Object.assign(new Error(first.error?.message ?? "The embedded database could not open"), { code: first.error?.code }));
        });
        server.worker.once("error", reject);
        server.worker.once("exit", (code) => reject(new Error(`The embedded database thread stopped while opening (exit code ${code})`)));
      });
    } catch (error) {
      await server.terminate();
      throw error;
    }
    return server;
  }

  get stopped(): boolean {
    return this.failure !== null;
  }

  /** Stops serving, closes PGlite (flushing its files) and ends the thread. */
  async close(): Promise<void> {
    if (!this.failure) {
      const closed = new Promise<void>((resolve) => {
        this.worker.once("message", () => resolve());
        this.worker.once("exit", () => resolve());
      });
      this.worker.postMessage("close");
      await closed;
    }
    await this.terminate();
  }

  /** Ends the thread at once, as a crash would. */
  async terminate(): Promise<void> {
    await this.worker.terminate();
    rmSync(this.socketDir, { recursive: true, force: true });
  }
}
