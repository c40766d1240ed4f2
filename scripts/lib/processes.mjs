import { spawn, spawnSync } from "node:child_process";

export const bin = (name) => `node_modules/.bin/${name}`;

/** Runs a command to completion with inherited output; returns its exit code. */
export function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

/** Starts a long-running child that dies with us. */
export function start(name, command, args, env = {}) {
  const child = spawn(command, args, { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...env } });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? `exit ${code}`}); stopping the demo.`);
      stopAll(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

const children = [];
let stopping = false;

export function stopAll(code = 0) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 500).unref();
}

/** Polls a URL until it answers (any HTTP status) or the deadline passes. */
export async function waitForUrl(url, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return false;
}
