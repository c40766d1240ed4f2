import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export type Instance = { baseUrl: string; process: ChildProcess };

/** A port nothing listens on right now, so a load run never talks to someone else's server. */
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

/** Starts `next start` on the build with the given environment and waits until it serves /login. */
export async function startInstance(port: number, env: Record<string, string>): Promise<Instance> {
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...env },
    // The app's own JSON log lines would drown the figures; the ledger checks are what judge the run.
    stdio: "ignore",
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app on port ${port} exited (${child.exitCode}) while starting`);
    const ok = await fetch(`${baseUrl}/login`).then((r) => r.ok, () => false);
    if (ok) return { baseUrl, process: child };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGKILL");
  throw new Error(`The app on port ${port} did not start within 60 s`);
}

export async function stopInstance(instance: Instance): Promise<void> {
  if (instance.process.exitCode !== null) return;
  const exited = new Promise((resolve) => instance.process.once("exit", resolve));
  instance.process.kill("SIGTERM");
  const timer = setTimeout(() => instance.process.kill("SIGKILL"), 20_000);
  await exited;
  clearTimeout(timer);
}
