import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { appEnv } from "./settings";

/** Every instance must encrypt and sign with the same key; this one is for tests only. */
export const SHARED_LEDGER_KEY = Buffer.alloc(32, 0x5a).toString("base64");

const TSX = "node_modules/.bin/tsx";

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database `ld_e2e_<hex>` on the server of `serverUrl`; returns its name and URL. */
export async function createDatabase(serverUrl: string): Promise<{ name: string; url: string }> {
  const name = `ld_e2e_${randomBytes(6).toString("hex")}`;
  await withClient(serverUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/** Ends whatever is still connected to it, then drops it. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, async (client) => {
    await client.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [name]);
    await client.query(`drop database if exists ${name}`);
  });
}

/** Runs a project script with tsx (react-server conditions, as `npm run` does) and fails with its output. */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ["--conditions=react-server", script, ...args], { env: { ...process.env, ...env } });
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

/** `next start` on 127.0.0.1:`port`; resolves once /login answers 200. */
export async function startInstance(port: number, env: NodeJS.ProcessEnv): Promise<Instance> {
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...env, DATA_DIR: `.test-output/instance-${port}` },
    stdio: "ignore",
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The instance on ${port} exited with ${child.exitCode}`);
    const status = await fetch(`${base}/login`).then((r) => r.status, () => 0);
    if (status === 200) return { base, process: child };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`The instance on ${port} did not start within 30 s`);
}

/** Kills an instance and waits for it to be gone, so its connections close before the database is dropped. */
export async function stopInstance(instance: Instance | undefined): Promise<void> {
  const child = instance?.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}
