import { expect, test } from "./fixtures";
import type { TransferPage } from "./pages/transfer-page";
import { captureAction, replayAction } from "./support/action-capture";
import { apiAs } from "./support/role-api";
import { APP_URL } from "./support/settings";
import type { SimClient } from "./support/sim-client";
import { confirmIfAsked, fillAndSend } from "./support/transfer-flow";

/** Recipients whose transfers the simulator answers in a set way (README, "Transfer scenarios"). */
const PLAIN = "10017740";
const FAILS = "10017741";
const NEFT_AWAITED = "10017742";
const LOST = "10017749";

/** Sends the OTP for the transfer, then types the OTP the simulator texted the customer. */
async function sendOtpAndEnterIt(transferPage: TransferPage, sim: SimClient, customerMobile: string, recipientId = PLAIN, amount = "500") {
  await transferPage.send({ recipientId, amount, customerMobile });
  await expect(transferPage.otpRefId).toBeVisible();
  await transferPage.customerOtp.fill(await sim.lastOtp(customerMobile));
}

test.describe("the transfer, from the customer's OTP to the receipt", () => {
  test("moves the money once, shows the cash to collect, prints a clean receipt and shares it", async ({ transferPage, sim, freshMobile, page }) => {
    await page.addInitScript(() => {
      const shared: string[] = [];
      Object.assign(window, { __shared: shared });
      navigator.share = async (data?: ShareData) => void shared.push(data?.text ?? "");
    });
    await transferPage.goto();
    await sendOtpAndEnterIt(transferPage, sim, freshMobile);
    await expect(transferPage.customerOtp).toHaveAttribute("autocomplete", "one-time-code");
    await expect(transferPage.customerOtp).toHaveAttribute("inputmode", "numeric");
    await expect(page.getByTestId("transfer-details")).toContainText("₹500");
    await transferPage.transferButton.click();

    await expect(transferPage.transferTitle).toHaveText(/^₹500 transferred to /);
    await expect(page.getByText("Collect ₹504 in cash and hand over the receipt.")).toBeVisible();
    const receipt = transferPage.receipt;
    await expect(receipt).toContainText("Eko TID");
    await expect(receipt).toContainText("Cash to collect₹504");
    await expect(receipt).toContainText(`••••••${freshMobile.slice(-4)}`);
    await expect(receipt).not.toContainText(freshMobile);
    expect(await sim.initiateCalls(freshMobile)).toHaveLength(1);

    await page.getByRole("button", { name: "Share receipt" }).click();
    const shared = await page.evaluate(() => (window as unknown as { __shared: string[] }).__shared);
    expect(shared[0]).toMatch(/Eko TID: \d+/);
    expect(shared[0]).toContain("Cash to collect: ₹504");

    await page.emulateMedia({ media: "print" });
    await expect(receipt).toBeVisible();
    await expect(page.getByRole("banner")).toBeHidden();
    await expect(page.getByRole("button", { name: "Print receipt" })).toBeHidden();
    await expect(transferPage.sendButton).toBeHidden();
    await page.emulateMedia({ media: "screen" });

    // Opened again later from the agent's recent transfers.
    await transferPage.goto();
    const mine = page
      .getByTestId("recent-transfers")
      .getByRole("listitem")
      .filter({ hasText: `••••••${freshMobile.slice(-4)}` });
    await mine.getByRole("link", { name: "Receipt" }).first().click();
    await expect(transferPage.receipt).toContainText("Cash to collect₹504");
  });

  test("in Hindi, a failed transfer says no money moved and not to collect cash", async ({ transferPage, sim, freshMobile, page }) => {
    await page.context().addCookies([{ name: "desk-lang", value: "hi", url: APP_URL }]);
    await page.goto("/enter-ids");
    await fillAndSend(page, { customerMobile: freshMobile, recipientId: FAILS, amount: "500" });
    await confirmIfAsked(page);
    await transferPage.customerOtp.fill(await sim.lastOtp(freshMobile));
    await page.getByRole("button", { name: "₹500 ट्रांसफ़र करें" }).click();
    await expect(transferPage.transferTitle).toHaveText("ट्रांसफ़र विफल रहा। कोई पैसा नहीं गया।");
    await expect(page.getByText("नकद न लें।", { exact: false }).first()).toBeVisible();
    await expect(transferPage.receipt).toHaveCount(0);
  });

  test("in Hindi, a transfer ends with the cash to collect and a Hindi receipt", async ({ transferPage, sim, freshMobile, page }) => {
    await page.context().addCookies([{ name: "desk-lang", value: "hi", url: APP_URL }]);
    await page.goto("/enter-ids");
    await fillAndSend(page, { customerMobile: freshMobile, recipientId: PLAIN, amount: "900" });
    await confirmIfAsked(page);
    await transferPage.customerOtp.fill(await sim.lastOtp(freshMobile));
    await page.getByRole("button", { name: "₹900 ट्रांसफ़र करें" }).click();
    await expect(transferPage.transferTitle).toContainText("को ट्रांसफ़र हो गए।");
    await expect(page.getByText("₹904 नकद लें और रसीद दें।")).toBeVisible();
    await expect(transferPage.receipt).toContainText("लेने वाली नकद राशि₹904");
    await expect(page.getByRole("button", { name: "रसीद प्रिंट करें" })).toBeVisible();
  });

  test("a transfer that failed after the money left says a refund is due, and shows it as refund pending", async ({
    transferPage,
    sim,
    freshMobile,
    page,
  }) => {
    await transferPage.goto();
    await sendOtpAndEnterIt(transferPage, sim, freshMobile, "10017743");
    await transferPage.transferButton.click();
    await expect(transferPage.transferTitle).toHaveText("The transfer failed after the money left the wallet: a refund is due.");
    await expect(transferPage.receipt).toHaveCount(0);
    await expect(page.getByTestId("recent-transfers").getByText("Refund pending").first()).toBeVisible();

    // At the top of the counter until it is settled, a tap from the transfer's page.
    await page.goto("/");
    const due = page
      .getByRole("region", { name: "Needs action" })
      .getByRole("listitem")
      .filter({ hasText: `••••••${freshMobile.slice(-4)}` });
    await expect(due).toContainText("Refund due: ₹500");
    await due.getByRole("link", { name: "Open" }).click();
    await expect(transferPage.transferTitle).toHaveText("The transfer failed after the money left the wallet: a refund is due.");
  });

  test("a wrong OTP is refused with nothing moved, and the right one then transfers", async ({ transferPage, sim, freshMobile, page }) => {
    await transferPage.goto();
    await sendOtpAndEnterIt(transferPage, sim, freshMobile);
    const otp = await transferPage.customerOtp.inputValue();
    await transferPage.customerOtp.fill(otp === "123456" ? "654321" : "123456");
    await transferPage.transferButton.click();
    await expect(page.getByRole("alert").filter({ hasText: "The OTP is not right. No money moved." })).toBeVisible();
    await transferPage.customerOtp.fill(otp);
    await transferPage.transferButton.click();
    await expect(transferPage.transferTitle).toHaveText(/^₹500 transferred to /);
  });

  test("an answer that never came is settled by asking Eko while the agent watches", async ({ transferPage, sim, freshMobile }) => {
    await transferPage.goto();
    await sendOtpAndEnterIt(transferPage, sim, freshMobile);
    // The simulator records the transfer, then answers after the desk has given up.
    await sim.fault(freshMobile, "slow", 1);
    await transferPage.transferButton.click();
    // "Checking with Eko…" shows until the first inquiry (sent at once) answers; under load that can be too brief to
    // catch, so the proof that an inquiry settled it is what reached the simulator.
    await expect(transferPage.transferTitle).toHaveText(/^(Checking with Eko…|₹500 transferred to )/);
    await expect(transferPage.transferTitle).toHaveText(/^₹500 transferred to /, { timeout: 20_000 });
    await expect(transferPage.receipt).toBeVisible();
    const initiated = await sim.initiateCalls(freshMobile);
    expect(initiated).toHaveLength(1);
    const ref = String(initiated[0]!.body.client_ref_id);
    const asked = (await sim.received()).filter((r) => r.path.includes("/tools/reference/transaction/") && r.path.includes(ref));
    expect(asked.length).toBeGreaterThan(0);
  });

  test("a transfer Eko never recorded is said plainly: no money moved, and a new OTP may be sent", async ({ transferPage, sim, freshMobile }) => {
    await transferPage.goto();
    await sendOtpAndEnterIt(transferPage, sim, freshMobile, LOST);
    await transferPage.transferButton.click();
    await expect(transferPage.transferTitle).toHaveText("Checking with Eko…");
    await expect(transferPage.transferTitle).toHaveText("Eko has no record of this transfer. No money moved.", { timeout: 25_000 });
    await expect(transferPage.sendAgainButton).toBeVisible();
  });

  test("an awaited NEFT transfer is followed with Check now until the bank confirms it", async ({ transferPage, sim, freshMobile, page }) => {
    await transferPage.goto();
    await sendOtpAndEnterIt(transferPage, sim, freshMobile, NEFT_AWAITED);
    await transferPage.transferButton.click();
    await expect(transferPage.transferTitle).toHaveText("The bank has the transfer and will confirm it (NEFT).");
    const checkNow = page.getByRole("button", { name: "Check now" });
    await expect(page.getByTestId("last-check")).toContainText("Last checked");
    await expect(async () => {
      await checkNow.click({ timeout: 1_000 });
      await expect(transferPage.transferTitle).toHaveText(/^₹500 transferred to /, { timeout: 1_000 });
    }).toPass({ timeout: 25_000 });
  });

  test("a double click and a replayed request make one Initiate call", async ({ transferPage, sim, freshMobile, playwright }) => {
    await transferPage.goto();
    await sendOtpAndEnterIt(transferPage, sim, freshMobile);
    const transfer = await captureAction(transferPage.page, () => transferPage.transferButton.dblclick());
    await expect(transferPage.transferTitle).toHaveText(/^₹500 transferred to /);
    const agent = await apiAs(playwright, "agent");
    const replies = await Promise.all(Array.from({ length: 5 }, () => replayAction(agent, transfer)));
    for (const reply of replies) expect(reply.result).toMatchObject({ status: "transfer", repeated: true, transfer: { state: "success" } });
    expect(await sim.initiateCalls(freshMobile)).toHaveLength(1);
    await agent.dispose();
  });
});

test.describe("supervisors see transfers", () => {
  test("the review polls for the transfers changed since its last poll, and its board only when one moved; only reviewers may ask", async ({
    playwright,
  }) => {
    const filters = { dates: "all" };
    for (const [caller, status] of [
      ["anonymous", 401],
      ["agent", 403],
      ["supervisor", 200],
    ] as const) {
      const api = await apiAs(playwright, caller);
      const rows = await api.post("/api/transfers", { data: { filters }, maxRedirects: 0 });
      const board = await api.post("/api/transfers/board", { data: { filters }, maxRedirects: 0 });
      expect({ caller, rows: rows.status(), board: board.status() }).toEqual({ caller, rows: status, board: status });
      if (status === 200) {
        const page = await rows.json();
        expect(page).toMatchObject({ kind: "page", since: expect.stringMatching(/^\d{13}$/) });
        const changes = await (await api.post("/api/transfers", { data: { filters, since: page.since } })).json();
        expect(changes).toMatchObject({ kind: "changes", reset: false });
        const first = await board.json();
        expect(first).toMatchObject({ version: expect.stringMatching(/^[0-9a-z]+\.[0-9a-z]+$/), attention: { counts: expect.any(Array) } });
        // Sent back, the version held comes back alone unless a transfer changed meanwhile (other tests make some).
        const next = await (await api.post("/api/transfers/board", { data: { filters, knownVersion: first.version } })).json();
        expect("unchanged" in next).toBe(next.version === first.version);
        expect((await api.post("/api/transfers", { data: { filters, since: "yesterday" } })).status()).toBe(400);
      }
      await api.dispose();
    }
  });

  test("an on-hold transfer needs attention; its detail lists every Eko call; the CSV masks the customer", async ({
    transferPage,
    sim,
    freshMobile,
    supervisorPage,
  }) => {
    // The supervisor's page is open before the transfer: it shows up there without a reload.
    await supervisorPage.goto("/requests/transfers");
    const totalsSource = supervisorPage.getByTestId("transfer-totals-source");
    const transfersCount = supervisorPage
      .getByTestId("transfer-totals")
      .locator("div")
      .filter({ has: supervisorPage.getByText("Transfers", { exact: true }) })
      .locator("dd");
    const countShown = async () => Number((await transfersCount.textContent())?.replace(/\D/g, ""));
    const before = await countShown();
    // Without an amount range, the totals come from the rollups: no note about the ledger.
    await expect(totalsSource).toHaveCount(0);
    await transferPage.goto();
    await sendOtpAndEnterIt(transferPage, sim, freshMobile, "10017745", "750");
    await transferPage.transferButton.click();
    await expect(transferPage.transferTitle).toHaveText("Eko has put this transfer on hold.");
    const ref = (await transferPage.page
      .getByText(/^Desk reference: /)
      .last()
      .textContent())!
      .replace("Desk reference: ", "")
      .trim();

    // The board (attention and totals) is asked for every 15 s, as the requests' summary is.
    const attention = supervisorPage.getByRole("region", { name: "Needs attention" });
    await expect(attention.getByRole("link", { name: ref })).toBeVisible({ timeout: 20_000 });
    await expect(attention.getByTestId("attention-counts")).toContainText("On hold");
    await expect(supervisorPage.getByTestId("outcomes-chart")).toBeVisible();
    // The rollups counted the transfer as it was written (other tests may add theirs meanwhile).
    await expect.poll(countShown, { timeout: 20_000 }).toBeGreaterThan(before);
    // The new transfer waits behind a count, so the table does not move under the reader; asked for, it shows.
    const table = supervisorPage.getByTestId("transfers-table");
    await expect(table).not.toContainText(`••••••${freshMobile.slice(-4)}`);
    await supervisorPage.getByRole("button", { name: /new transfers?$/ }).click();
    await expect(table).toContainText(`••••••${freshMobile.slice(-4)}`);
    await attention.getByRole("link", { name: ref }).click();
    const calls = supervisorPage.getByTestId("transfer-calls");
    await expect(calls).toContainText("send-transaction-otp");
    await expect(calls).toContainText("initiate-transaction");
    // The first inquiry goes at once; the detail shows it as it lands, without a reload.
    await expect(calls).toContainText("transaction-inquiry");

    await supervisorPage.goto("/requests/transfers?state=on-hold&min=750&max=750");
    await expect(supervisorPage.getByTestId("transfers-table")).toContainText(`••••••${freshMobile.slice(-4)}`);
    // An amount range needs each transfer: the totals are counted from the ledger, and the page says so.
    await expect(totalsSource).toContainText("Counted from the ledger transfer by transfer");
    expect(await countShown()).toBeGreaterThanOrEqual(1);
    await supervisorPage.getByRole("textbox", { name: "Customer mobile (exact)" }).fill(freshMobile);
    await supervisorPage.getByRole("button", { name: "Find" }).click();
    const found = supervisorPage.getByTestId("transfers-by-mobile");
    await expect(found).toContainText("On hold");
    await expect(found.locator("tbody tr")).toHaveCount(1);
    expect(supervisorPage.url()).not.toContain(freshMobile);

    const csv = await supervisorPage.request.get("/api/transfers/export?state=on-hold");
    const text = await csv.text();
    expect(text).toContain(ref);
    expect(text).toContain(`••••••${freshMobile.slice(-4)}`);
    expect(text).not.toContain(freshMobile);
  });
});
