import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../lib/app-instance";
import { percentile } from "./stats";

export type Startup = { kind: string; runs: number; medianMs: number; maxMs: number };

/**
 * From `npm start` to the first page served: spawns the start script on a free port and polls /login every 20 ms
 * until it answers 200, then stops the server (its whole process group: npm, then next). `env` picks the database.
 */
async function startOnce(env: NodeJS.ProcessEnv): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn("npm", ["start", "--silent", "--", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-1_000);
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}) before serving a page:\n${stderr.trim()}`);
      if (performance.now() - started > 60_000) throw new Error("npm start served no page within 60 s");
      const ok = await fetch(`http://127.0.0.1:${port}/login`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    if (child.pid && groupAlive(child.pid)) {
      process.kill(-child.pid, "SIGTERM");
      // npm may exit before the server has closed its database: the next start must not overlap this one.
      const deadline = Date.now() + 60_000;
      while (groupAlive(child.pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `runs` starts in a row, each with its own environment (a fresh data directory, say). */
export async function measureStartup(kind: string, runs: number, envFor: (run: number) => NodeJS.ProcessEnv): Promise<Startup> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) times.push(await startOnce(envFor(run)));
  const sorted = [...times].sort((a, b) => a - b);
  return { kind, runs, medianMs: percentile(sorted, 50), maxMs: sorted[sorted.length - 1]! };
}

/** `npm start` until /login answers: from a fresh data directory (creating and migrating it), and as a restart. */
export async function benchStartup(base: NodeJS.ProcessEnv, runs: number, log: (line: string) => void): Promise<Startup[]> {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ld-start-"));
    dirs.push(dir);
    return dir;
  };
  try {
    log(`\nStart-up: npm start until /login answers, ${runs} run(s) each…`);
    const cold = await measureStartup("fresh data directory (creates and migrates the database)", runs, () => ({ ...base, DATA_DIR: fresh() }));
    const kept = fresh();
    await measureStartup("(first start, not counted)", 1, () => ({ ...base, DATA_DIR: kept }));
    const warm = await measureStartup("existing data (a restart)", runs, () => ({ ...base, DATA_DIR: kept }));
    return [cold, warm];
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
