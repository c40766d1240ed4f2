import { rmSync } from "node:fs";
import { expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { RequestsPage } from "./pages/requests-page";
import { Preferences } from "./pages/preferences";
import { TransferPage } from "./pages/transfer-page";
import { seriousViolations } from "./support/axe";
import { runScript, startInstance, stopInstance, type Instance } from "./support/instances";
import { apiAs } from "./support/role-api";
import { appEnv, EKO, METRICS_TOKEN, SIM_URL } from "./support/settings";

test("/api/health answers 200 ready with the environment's name, without a session and without key material", async ({ playwright }) => {
  const anonymous = await apiAs(playwright, "anonymous");
  const response = await anonymous.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  const body = (await response.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ status: "ready", database: "ok", configuration: "ok", eko: { environment: "simulator" } });
  expect(["closed", "open", "half-open"]).toContain((body.eko as { breaker: string }).breaker);
  const text = JSON.stringify(body);
  for (const secret of [EKO.developerKey, EKO.accessKey, EKO.initiatorId, SIM_URL, "127.0.0.1", "ekoapi"]) expect(text).not.toContain(secret);
});

test("/api/eko-status is for agents and supervisors", async ({ playwright }) => {
  expect((await (await apiAs(playwright, "anonymous")).get("/api/eko-status")).status()).toBe(401);
  expect((await (await apiAs(playwright, "admin")).get("/api/eko-status")).status()).toBe(403);
  for (const role of ["agent", "supervisor"] as const) {
    const answer = await (await apiAs(playwright, role)).get("/api/eko-status");
    expect(answer.status()).toBe(200);
    expect(await answer.json()).toMatchObject({ breaker: expect.stringMatching(/^(closed|open|half-open)$/) });
  }
});

test.describe("an open circuit breaker", () => {
  const PORT = 3142;
  let instance: Instance | undefined;
  test.afterEach(() => stopInstance(instance));

  test("fails fast without calling Eko, and shows to supervisors and agents, on /api/health and /api/metrics", async ({
    browser,
    sim,
    freshMobile,
  }) => {
    test.setTimeout(90_000);
    const env = { ...appEnv, DATA_DIR: `.test-output/instance-${PORT}`, EKO_BREAKER_FAILURES: "2", EKO_BREAKER_COOLDOWN_MS: "120000" };
    rmSync(env.DATA_DIR, { recursive: true, force: true });
    await runScript("scripts/seed-demo-users.ts", [], env);
    instance = await startInstance(PORT, env);

    const agent = await (await browser.newContext()).newPage();
    await new LoginPage(agent).signInAs("agent", instance.base);
    const transfer = new TransferPage(agent);
    await transfer.goto(instance.base);
    for (const amount of ["1500", "1600"]) {
      await transfer.send({ recipientId: "500", amount, customerMobile: freshMobile });
      await expect(transfer.alert).toContainText("HTTP 500");
    }
    await transfer.send({ recipientId: "10017740", amount: "1700", customerMobile: freshMobile });
    await expect(transfer.alert).toContainText(/Eko is not answering; try in \d+ seconds/);
    expect(await sim.received(freshMobile)).toHaveLength(2);

    const health = await (await fetch(`${instance.base}/api/health`)).json();
    expect(health).toMatchObject({ status: "ready", eko: { environment: "simulator", breaker: "open" } });

    const supervisor = await (await browser.newContext()).newPage();
    await new LoginPage(supervisor).signInAs("supervisor", instance.base);
    const review = new RequestsPage(supervisor);
    await review.goto(instance.base, "?dates=all"); // all dates: a run across India's midnight finds the rows too
    await expect(supervisor.getByTestId("eko-status-banner")).toContainText(/Eko is not answering: requests fail fast until \d{1,2}:\d{2} [ap]m IST/);
    const rows = review.rowsFor(`••••••${freshMobile.slice(-4)}`);
    await expect(rows).toHaveCount(3);
    await expect(rows.filter({ hasText: "₹1,700" })).toContainText("Failed");

    // The agent sees it too, on the counter, in either language, and without the page's script.
    await agent.goto(`${instance.base}/`);
    const banner = agent.getByTestId("eko-status-banner");
    await expect(banner).toContainText(/Eko is not answering: requests fail fast until \d{1,2}:\d{2} [ap]m IST/);
    expect(await seriousViolations(agent)).toEqual([]);
    const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await agent.context().storageState() });
    const plain = await noScript.newPage();
    await plain.goto(`${instance.base}/enter-ids`);
    await expect(plain.getByTestId("eko-status-banner")).toContainText("Eko is not answering");
    await noScript.close();
    await new Preferences(agent).toHindi.click();
    await expect(banner).toContainText("Eko जवाब नहीं दे रहा");

    // And an operator's scrape of this instance says why.
    const metrics = await (await fetch(`${instance.base}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    expect(metrics).toMatch(/^levin_eko_breaker_state\{state="open"\} 1$/m);
    expect(metrics).toMatch(/^levin_eko_calls_total\{operation="send-transaction-otp",outcome="failed",reason="http"\} 2$/m);
    expect(metrics).toMatch(/^levin_eko_calls_total\{operation="send-transaction-otp",outcome="not-sent",reason="circuit-open"\} 1$/m);
  });
});
