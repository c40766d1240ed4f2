import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";

/**
 * The embedded database on a worker thread (lib/db/pglite-worker.mjs), behind the part of PGlite's interface that
 * drizzle, the migrations and lib/db/statements.ts use: query, exec, transaction, close. PGlite executes SQL in
 * WebAssembly, synchronously: on the server's own thread every statement held up every other request, and the
 * OTP path's three statements were a quarter of that thread's time under load (`npm run bench` CPU profile).
 * Statements still run one at a time, in order, as PGlite always runs them.
 */
const WORKER_FILE = path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "db", "pglite-worker.mjs");

type Results = { rows: unknown[]; fields?: unknown[]; affectedRows?: number };
/** What callers may pass PGlite per query: rowMode, and parsers that leave a type's text as is (drizzle's). */
type QueryOptions = { rowMode?: "array" | "object"; parsers?: Record<number, (value: string, type: number) => unknown> };
type Request = {
  op: "query" | "exec" | "statement" | "begin" | "end" | "close";
  name?: string;
  txId?: number;
  text?: string;
  params?: unknown[];
  options?: unknown;
  commit?: boolean;
};
type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: Record<string, unknown> };

export type ThreadTransaction = {
  query: (text: string, params?: unknown[], options?: QueryOptions) => Promise<Results>;
  exec: (text: string, options?: QueryOptions) => Promise<Results[]>;
  rollback: () => Promise<void>;
  readonly closed: boolean;
};

/** Parsers cannot cross to the thread: only "leave it as text" ones are accepted, sent as the list of their types. */
function portable(options: QueryOptions | undefined) {
  if (!options) return undefined;
  const { parsers, ...rest } = options;
  if (!parsers) return rest;
  const rawTypes = Object.entries(parsers).map(([type, parse]) => {
    if (parse("2026-11-28 10:00:00+00", Number(type)) !== "2026-11-28 10:00:00+00")
      throw new Error(`Only pass-through parsers can be sent to the database thread (type ${type})`);
    return Number(type);
  });
  return { ...rest, rawTypes };
}

/** A database error from the thread, with its SQLSTATE `code` and details as PGlite gives them. */
function revive(plain: Record<string, unknown>): Error {
  const error = new Error(String(plain.message ?? "Database error"));
  Object.assign(error, plain);
  return error;
}

export class PgliteThread {
  readonly waitReady: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private failure: Error | null = null;

  constructor(dataDir: string | null) {
    this.worker = new Worker(WORKER_FILE, { workerData: { dataDir } });
    this.waitReady = new Promise((resolve, reject) => {
      this.worker.once("message", (first: { ready: boolean; error?: Record<string, unknown> }) => {
        // From here the thread keeps the process alive only while a statement is waiting on it.
        if (this.pending.size === 0) this.worker.unref();
        if (first.ready) resolve();
        else {
          // A database that could not open (a data directory another process holds, say): the thread goes too, and
          // the next attempt starts a new one.
          reject(revive(first.error ?? {}));
          void this.worker.terminate();
        }
        this.worker.on("message", (reply: Reply) => this.settle(reply));
      });
      this.worker.once("error", reject);
    });
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", (code) => this.fail(new Error(`The embedded database thread stopped (exit code ${code})`)));
  }

  /** True once the thread has stopped or crashed: every statement fails, and only a new thread can serve again. */
  get stopped(): boolean {
    return this.failure !== null;
  }

  query(text: string, params: unknown[] = [], options?: QueryOptions): Promise<Results> {
    return this.call({ op: "query", text, params, options: portable(options) }) as Promise<Results>;
  }

  exec(text: string, options?: QueryOptions): Promise<Results[]> {
    return this.call({ op: "exec", text, options: portable(options) }) as Promise<Results[]>;
  }

  /**
   * A fixed statement, prepared on the thread under `name` the first time and then only bound and executed, in one
   * message to Postgres (lib/db/statements.ts). Not inside a transaction: it waits for one to finish, as a query does.
   */
  statement(name: string, text: string, params: unknown[]): Promise<Results> {
    return this.call({ op: "statement", name, text, params }) as Promise<Results>;
  }

  /** Like PGlite's: commits when `work` resolves, rolls back when it throws; other statements wait meanwhile. */
  async transaction<T>(work: (tx: ThreadTransaction) => Promise<T>): Promise<T> {
    const txId = this.nextId++;
    await this.call({ op: "begin" }, txId);
    let closed = false;
    const tx: ThreadTransaction = {
      query: (text, params = [], options) => this.call({ op: "query", txId, text, params, options: portable(options) }) as Promise<Results>,
      exec: (text, options) => this.call({ op: "exec", txId, text, options: portable(options) }) as Promise<Results[]>,
      rollback: async () => {
        throw new Error("rollback");
      },
      get closed() {
        return closed;
      },
    };
    let result: T;
    try {
      result = await work(tx);
    } catch (error) {
      closed = true;
      await this.call({ op: "end", txId, commit: false });
      throw error;
    }
    closed = true;
    await this.call({ op: "end", txId, commit: true });
    return result;
  }

  async close(): Promise<void> {
    if (!this.failure) await this.call({ op: "close" }).catch(() => undefined);
    await this.worker.terminate();
  }

  private call(request: Request, id = this.nextId++): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ ...request, id });
    });
  }

  private settle(reply: Reply) {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (reply.ok) waiting.resolve(reply.result);
    else waiting.reject(revive(reply.error));
  }

  private fail(error: Error) {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(this.failure);
    this.pending.clear();
  }
}
