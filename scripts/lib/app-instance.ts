import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

/** One instance of the standalone build (`npm start`), as the load command and the e2e specs start extra instances. */
export type AppInstance = { baseUrl: string; process: ChildProcess };

/** A port nothing listens on right now, so a run never talks to someone else's server. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the build on 127.0.0.1:`port` with `env` over this process's and waits until /login answers 200.
 * `nodeArgs` go to Node itself (`--cpu-prof`, say, which NODE_OPTIONS may not carry).
 */
export async function startApp(port: number, env: NodeJS.ProcessEnv, timeoutMs = 60_000, nodeArgs: string[] = []): Promise<AppInstance> {
  // The app's own JSON log lines would drown the caller's output.
  const child = spawn(process.execPath, [...nodeArgs, "scripts/start.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  // Only the last of its error output is kept, for the message if it dies while starting.
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-2_000);
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app on port ${port} exited (${child.exitCode}) while starting:\n${stderr.trim()}`);
    const status = await fetch(`${baseUrl}/login`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return { baseUrl, process: child };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`The app on port ${port} did not start within ${timeoutMs / 1000} s`);
}

/** Stops an instance (SIGTERM lets it drain; SIGKILL is a crash) and waits until it is gone. */
export async function stopApp(instance: AppInstance | undefined, signal: "SIGTERM" | "SIGKILL" = "SIGTERM"): Promise<void> {
  const child = instance?.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  await exited;
  clearTimeout(timer);
}
