import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { RequestsPage } from "./pages/requests-page";
import { TransferPage } from "./pages/transfer-page";
import { instanceDataDir, runScript, startInstance, stopInstance, type Instance } from "./support/instances";
import { appEnv, SIM_SLOW_MS } from "./support/settings";

const PORT = 3141;
const BASE = `http://127.0.0.1:${PORT}`;
// Longer than the simulator's slow answer (SIM_SLOW_MS), so the call is in flight when SIGTERM arrives, then succeeds.
const EKO_TIMEOUT_MS = SIM_SLOW_MS + 4_000;
const env = { ...appEnv, EKO_TIMEOUT_MS: String(EKO_TIMEOUT_MS) };

const exitOf = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));

test.describe("SIGTERM lets the call in flight finish", () => {
  let app: Instance | undefined;
  test.afterEach(() => stopInstance(app));

  test("the agent gets Eko's answer, the process exits 0, and the ledger row is complete after a restart", async ({ browser, sim, freshMobile }) => {
    test.setTimeout(120_000);
    rmSync(instanceDataDir(PORT), { recursive: true, force: true });
    await runScript("scripts/seed-demo-users.ts", [], { ...env, DATA_DIR: instanceDataDir(PORT) });
    app = await startInstance(PORT, env);

    const agent = await (await browser.newContext()).newPage();
    await new LoginPage(agent).signInAs("agent", BASE);
    const transfer = new TransferPage(agent);
    await transfer.goto(BASE);
    // Recipient 504: the simulator answers (success) after SIM_SLOW_MS, inside this instance's timeout.
    await transfer.send({ recipientId: "504", amount: "2470", customerMobile: freshMobile });
    await expect.poll(async () => (await sim.received(freshMobile)).length).toBe(1);

    const exited = exitOf(app.process);
    const signalledAt = Date.now();
    app.process.kill("SIGTERM");

    // Draining: the probe says so, and takes no new work.
    await expect
      .poll(async () =>
        fetch(`${BASE}/api/health`).then(
          (r) => r.status,
          () => 0,
        ),
      )
      .toBe(503);
    const draining = (await (await fetch(`${BASE}/api/health`)).json()) as { status: string };
    expect(draining.status).toBe("draining");

    await expect(transfer.result).toBeVisible({ timeout: EKO_TIMEOUT_MS });
    const otpRefId = await transfer.otpRefId.textContent();
    expect(otpRefId).toBeTruthy();

    expect(await exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalledAt).toBeLessThan(EKO_TIMEOUT_MS + 4_000);

    app = await startInstance(PORT, env);
    const supervisor = await (await browser.newContext()).newPage();
    await new LoginPage(supervisor).signInAs("supervisor", BASE);
    const review = new RequestsPage(supervisor);
    await review.goto(BASE, "?dates=all"); // all dates: a run across India's midnight finds the row too
    const row = review.rowsFor(`••••••${freshMobile.slice(-4)}`);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("₹2,470");
    // Complete as the agent saw it: Sent at once, not Pending (nor Unknown once stale).
    await expect(row).toContainText("Sent");
    expect(await sim.received(freshMobile)).toHaveLength(1);
  });
});
