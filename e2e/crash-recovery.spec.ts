import { rmSync } from "node:fs";
import { expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { RequestsPage } from "./pages/requests-page";
import { TransferPage } from "./pages/transfer-page";
import { instanceDataDir, runScript, startInstance, stopInstance, type Instance } from "./support/instances";
import { appEnv } from "./support/settings";

const PORT = 3121;
const BASE = `http://127.0.0.1:${PORT}`;

test.describe("a process killed mid-call loses nothing", () => {
  let app: Instance | undefined;
  test.afterEach(() => stopInstance(app));

  test("the row written before the call reads `unknown` after a restart", async ({ browser, sim, freshMobile }) => {
    test.setTimeout(90_000);
    rmSync(instanceDataDir(PORT), { recursive: true, force: true });
    await runScript("scripts/seed-demo-users.ts", [], { ...appEnv, DATA_DIR: instanceDataDir(PORT) });
    app = await startInstance(PORT, appEnv);

    // A fresh context: this instance has its own database, so its own sessions.
    const page = await (await browser.newContext()).newPage();
    await new LoginPage(page).signInAs("agent", BASE);
    const transfer = new TransferPage(page);
    await transfer.goto(BASE);
    // Recipient 504: the simulator holds its answer well past the desk's timeout.
    await transfer.send({ recipientId: "504", amount: "2468", customerMobile: freshMobile });
    await expect.poll(async () => (await sim.received(freshMobile)).length).toBe(1);

    await stopInstance(app);
    app = await startInstance(PORT, appEnv);

    const supervisor = await (await browser.newContext()).newPage();
    await new LoginPage(supervisor).signInAs("supervisor", BASE);
    const review = new RequestsPage(supervisor);
    await review.goto(BASE, "?dates=all"); // all dates: a run across India's midnight finds the row too
    const row = review.rowsFor(`••••••${freshMobile.slice(-4)}`);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("₹2,468");
    // Pending at first if the restart was quick; the live refresh turns it to Unknown once past timeout + grace.
    await expect(row).toContainText("Unknown", { timeout: 15_000 });
    expect(await sim.received(freshMobile)).toHaveLength(1);
  });
});

test.describe("a transfer left open when the process died is settled after the restart", () => {
  let app: Instance | undefined;
  test.afterEach(() => stopInstance(app));

  test("killed while Initiate Transaction was in flight, the restarted desk asks Eko and shows the transfer done", async ({
    browser,
    sim,
    freshMobile,
  }) => {
    test.setTimeout(90_000);
    rmSync(instanceDataDir(PORT), { recursive: true, force: true });
    await runScript("scripts/seed-demo-users.ts", [], { ...appEnv, DATA_DIR: instanceDataDir(PORT) });
    app = await startInstance(PORT, appEnv);
    const page = await (await browser.newContext()).newPage();
    await new LoginPage(page).signInAs("agent", BASE);
    const transfer = new TransferPage(page);
    await transfer.goto(BASE);
    await transfer.send({ recipientId: "10017740", amount: "1357", customerMobile: freshMobile });
    await expect(transfer.otpRefId).toBeVisible();
    await transfer.customerOtp.fill(await sim.lastOtp(freshMobile));
    // Eko records the transfer but answers only after the process is gone.
    await sim.fault(freshMobile, "slow", 1);
    await transfer.transferButton.click();
    await expect.poll(async () => (await sim.initiateCalls(freshMobile)).length).toBe(1);

    await stopInstance(app);
    app = await startInstance(PORT, appEnv);
    await page.goto(`${BASE}/`);
    await page
      .getByTestId("recent-transfers")
      .getByRole("link", { name: /Details|Receipt/ })
      .first()
      .click();
    await expect(transfer.transferTitle).toHaveText(/^₹1,357 transferred to /, { timeout: 30_000 });
    expect(await sim.initiateCalls(freshMobile)).toHaveLength(1);
  });
});
