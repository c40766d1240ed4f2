import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { instanceDataDir } from "./support/instances";
import { appEnv, EKO_TIMEOUT_MS } from "./support/settings";

const PORT = 3151;
const BASE = `http://127.0.0.1:${PORT}`;
// The desk's drain: in-flight Eko calls get their timeout plus a second, responses half a second, then it closes.
const DRAIN_MS = EKO_TIMEOUT_MS + 1_000 + 500;

const exitOf = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));

test.describe("a desk whose log pipe breaks", () => {
  let desk: ChildProcess | undefined;
  test.afterEach(() => {
    if (desk && desk.exitCode === null && desk.signalCode === null) desk.kill("SIGKILL");
  });

  test("keeps serving, counts the lines it drops, and still stops cleanly on SIGTERM", async ({ browser }) => {
    test.setTimeout(90_000);
    rmSync(instanceDataDir(PORT), { recursive: true, force: true });
    // Its output goes to pipes this test reads, as to a log shipper, until the shipper goes away.
    desk = spawn(process.execPath, ["scripts/start.mjs", "-p", String(PORT), "-H", "127.0.0.1"], {
      env: { ...process.env, ...appEnv, DATA_DIR: instanceDataDir(PORT) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const child = desk;
    child.stdout!.resume();
    child.stderr!.resume();
    await expect.poll(() => fetch(`${BASE}/api/health`).then((r) => r.status, () => 0), { timeout: 30_000 }).toBe(200);

    child.stdout!.destroy();
    child.stderr!.destroy();

    // Failed sign-ins write warnings to standard error, which now has no reader.
    const page = await (await browser.newContext()).newPage();
    const login = new LoginPage(page);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await login.goto(BASE);
      await login.signIn(`nobody-${attempt}`, "not-a-password-at-all");
      await expect(login.alert).toHaveText("Wrong username or password, or the account is disabled.");
    }
    const health = (await (await fetch(`${BASE}/api/health`)).json()) as { status: string; droppedLogLines: number };
    expect(health.status).toBe("ready");
    expect(health.droppedLogLines).toBeGreaterThan(0);

    // Still answering, one request after another: the error loop this guards against held the event loop at 100%
    // CPU, so it answered nothing and never drained.
    for (let i = 0; i < 20; i += 1) expect((await fetch(`${BASE}/api/health`)).status).toBe(200);

    const exited = exitOf(child);
    const signalledAt = Date.now();
    child.kill("SIGTERM");
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalledAt).toBeLessThan(DRAIN_MS + 3_000);
  });
});
