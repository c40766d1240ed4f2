import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { expect, test } from "./fixtures";
import { RequestsPage } from "./pages/requests-page";
import { TransferPage } from "./pages/transfer-page";
import { appEnv } from "./support/settings";

const PORT = 3121;
const DATA_DIR = ".test-output/crash-data";

function startApp(): ChildProcess {
  return spawn("node_modules/.bin/next", ["start", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, ...appEnv, DATA_DIR },
    stdio: "ignore",
  });
}

async function waitUntilServing(): Promise<void> {
  await expect
    .poll(async () => fetch(`http://127.0.0.1:${PORT}/`).then((r) => r.status, () => 0), { timeout: 30_000 })
    .toBe(200);
}

test.describe("a process killed mid-call loses nothing", () => {
  let app: ChildProcess | undefined;
  test.afterEach(() => {
    app?.kill("SIGKILL");
  });

  test("the row written before the call reads `unknown` after a restart", async ({ page, sim, freshMobile }) => {
    test.setTimeout(60_000);
    rmSync(DATA_DIR, { recursive: true, force: true });
    app = startApp();
    await waitUntilServing();

    const transfer = new TransferPage(page);
    await page.goto(`http://127.0.0.1:${PORT}/`);
    // Recipient 504: the simulator holds its answer well past the desk's timeout.
    await transfer.send({ recipientId: "504", amount: "2468", customerMobile: freshMobile });
    await expect.poll(async () => (await sim.received(freshMobile)).length).toBe(1);

    app.kill("SIGKILL");
    await new Promise((resolve) => app?.once("exit", resolve));
    app = startApp();
    await waitUntilServing();

    const review = new RequestsPage(page);
    await page.goto(`http://127.0.0.1:${PORT}/requests`);
    const row = review.rowsFor(`••••••${freshMobile.slice(-4)}`);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("₹2,468");
    // Pending at first if the restart was quick; the live refresh turns it to Unknown once past timeout + grace.
    await expect(row).toContainText("Unknown", { timeout: 15_000 });
    expect(await sim.received(freshMobile)).toHaveLength(1);
  });
});
