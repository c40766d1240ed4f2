import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { RequestsPage } from "./pages/requests-page";
import { TransferPage } from "./pages/transfer-page";
import { appEnv } from "./support/settings";

const PORT = 3121;
const DATA_DIR = ".test-output/crash-data";
const BASE = `http://127.0.0.1:${PORT}`;

function seedAccounts() {
  const seeded = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/seed-demo-users.ts"], { env: { ...process.env, ...appEnv, DATA_DIR } });
  expect(seeded.status, String(seeded.stderr)).toBe(0);
}

function startApp(): ChildProcess {
  return spawn("node_modules/.bin/next", ["start", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, ...appEnv, DATA_DIR },
    stdio: "ignore",
  });
}

async function waitUntilServing(): Promise<void> {
  await expect
    .poll(async () => fetch(`${BASE}/login`).then((r) => r.status, () => 0), { timeout: 30_000 })
    .toBe(200);
}

test.describe("a process killed mid-call loses nothing", () => {
  let app: ChildProcess | undefined;
  test.afterEach(() => {
    app?.kill("SIGKILL");
  });

  test("the row written before the call reads `unknown` after a restart", async ({ browser, sim, freshMobile }) => {
    test.setTimeout(90_000);
    rmSync(DATA_DIR, { recursive: true, force: true });
    seedAccounts();
    app = startApp();
    await waitUntilServing();

    // A fresh context: this instance has its own database, so its own sessions.
    const page = await (await browser.newContext()).newPage();
    await new LoginPage(page).signInAs("agent", BASE);
    const transfer = new TransferPage(page);
    // Recipient 504: the simulator holds its answer well past the desk's timeout.
    await transfer.send({ recipientId: "504", amount: "2468", customerMobile: freshMobile });
    await expect.poll(async () => (await sim.received(freshMobile)).length).toBe(1);

    app.kill("SIGKILL");
    await new Promise((resolve) => app?.once("exit", resolve));
    app = startApp();
    await waitUntilServing();

    const supervisor = await (await browser.newContext()).newPage();
    await new LoginPage(supervisor).signInAs("supervisor", BASE);
    const review = new RequestsPage(supervisor);
    await review.goto(`${BASE}`);
    const row = review.rowsFor(`••••••${freshMobile.slice(-4)}`);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("₹2,468");
    // Pending at first if the restart was quick; the live refresh turns it to Unknown once past timeout + grace.
    await expect(row).toContainText("Unknown", { timeout: 15_000 });
    expect(await sim.received(freshMobile)).toHaveLength(1);
  });
});
