import { spawn } from "node:child_process";
import { expect, test } from "./fixtures";
import { appEnv } from "./support/settings";

/** Starts the production server with a changed environment and collects what it prints until it exits. */
function startWith(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["scripts/start.mjs", "-p", "3199", "-H", "127.0.0.1"], { env: { ...process.env, ...appEnv, ...env } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test.describe("configuration is checked at start-up", () => {
  test("a missing access key stops the server and names the variable", async () => {
    const { code, output } = await startWith({ EKO_ACCESS_KEY: "" });
    expect(code).toBe(1);
    expect(output).toContain("EKO_ACCESS_KEY is required");
  });

  test("a malformed timeout stops the server, naming it, without printing any key", async () => {
    const { code, output } = await startWith({ EKO_TIMEOUT_MS: "soon", EKO_MAX_AMOUNT: "50" });
    expect(code).toBe(1);
    expect(output).toContain("EKO_TIMEOUT_MS must be a whole number");
    expect(output).toContain("EKO_MAX_AMOUNT must not be below EKO_MIN_AMOUNT");
    expect(output).not.toContain(appEnv.EKO_ACCESS_KEY);
    expect(output).not.toContain(appEnv.EKO_DEVELOPER_KEY);
  });
});
