import { spawn, type ChildProcess } from "node:child_process";
import { startApp, stopApp } from "../../scripts/lib/app-instance";
import { createScratchDatabase, dropScratchDatabase } from "../../scripts/lib/scratch-database";
import { appEnv } from "./settings";

/** Every instance must encrypt and sign with the same key; this one is for tests only. */
export const SHARED_LEDGER_KEY = Buffer.alloc(32, 0x5a).toString("base64");

const TSX = "node_modules/.bin/tsx";

/** A new, empty database `ld_e2e_<hex>` on the server of `serverUrl`; returns its name and URL. */
export const createDatabase = (serverUrl: string) => createScratchDatabase(serverUrl, "ld_e2e");
export const dropDatabase = dropScratchDatabase;

/** Runs a project script with tsx (react-server conditions, as `npm run` does), `input` on its standard input. */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv, input = ""): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ["--conditions=react-server", script, ...args], { env: { ...process.env, ...env } });
    child.stdin.end(input);
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${script} ${args[0] ?? ""} exited ${code}: ${output}`))));
  });
}

/** The environment of an instance on the shared database: the suite's Eko simulator, the shared key, `extra`. */
export function sharedDbEnv(databaseUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...appEnv, DATABASE_URL: databaseUrl, LEDGER_KEY: SHARED_LEDGER_KEY, ...extra };
}

export type Instance = { base: string; process: ChildProcess };

/** Where an extra instance on `port` keeps its embedded database: the same across restarts on that port. */
export const instanceDataDir = (port: number) => `.test-output/instance-${port}`;

/** The standalone build on 127.0.0.1:`port`, with its own data directory; resolves once /login answers 200. */
export async function startInstance(port: number, env: NodeJS.ProcessEnv): Promise<Instance> {
  const app = await startApp(port, { ...env, DATA_DIR: instanceDataDir(port) }, 30_000);
  return { base: app.baseUrl, process: app.process };
}

/** Kills an instance (a crash, not a shutdown) and waits for it to be gone, so its connections close first. */
export async function stopInstance(instance: Instance | undefined): Promise<void> {
  await stopApp(instance && { baseUrl: instance.base, process: instance.process }, "SIGKILL");
}
