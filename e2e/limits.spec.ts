import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { pageAlert } from "./pages/alerts";
import { LoginPage } from "./pages/login-page";
import { TransferPage } from "./pages/transfer-page";
import { sendOtpBody } from "./support/action-body";
import { captureAction, replayAction } from "./support/action-capture";
import { createDatabase, dropDatabase, runScript, sharedDbEnv, startInstance, stopInstance, type Instance } from "./support/instances";
import { TEST_PASSWORD, uniqueMobile, uniqueUsername } from "./support/unique";

const SERVER_URL = process.env.TEST_DATABASE_URL;
const SKIP_REASON =
  "TEST_DATABASE_URL is not set: the two-instance limit tests need a PostgreSQL server, e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test";
const AGENT_LIMIT = 5;
const PORTS = [3131, 3132] as const;

/** Signs `username` in on one instance, in a browser context of its own. */
async function agentOn(browser: Browser, instance: Instance, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const login = new LoginPage(page);
  await login.goto(instance.base);
  await login.signIn(username, TEST_PASSWORD);
  await page.waitForURL(`${instance.base}/`);
  return page;
}

async function sendOn(page: Page, instance: Instance, customerMobile: string, amount: number): Promise<TransferPage> {
  await page.goto(`${instance.base}/enter-ids`);
  const transfer = new TransferPage(page);
  await transfer.send({ recipientId: "10017740", amount: String(amount), customerMobile });
  await expect(transfer.result.or(pageAlert(page))).toBeVisible();
  return transfer;
}

test.describe("limits hold across two instances sharing one PostgreSQL", () => {
  if (!SERVER_URL) console.log(`limits.spec.ts skipped: ${SKIP_REASON}`);
  test.skip(!SERVER_URL, SKIP_REASON);

  let database: { name: string; url: string } | undefined;
  let instances: Instance[] = [];
  // One agent per test, so no test's requests count towards another's agent limit.
  const agents = { mobile: uniqueUsername("lim-mobile"), agent: uniqueUsername("lim-agent"), race: uniqueUsername("lim-race") };

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    database = await createDatabase(SERVER_URL!);
    const env = sharedDbEnv(database.url, { LIMIT_AGENT_PER_15_MIN: String(AGENT_LIMIT) });
    // The first to open the database migrates it; the agents are added once it exists.
    await runScript("scripts/seed-demo-users.ts", [], env);
    await Promise.all(
      Object.values(agents).map((username) =>
        runScript(
          "scripts/users.ts",
          ["add", "--username", username, "--role", "agent", "--user-code", "20810200"],
          env,
          `${TEST_PASSWORD}\n`,
        ),
      ),
    );
    instances = await Promise.all(PORTS.map((port) => startInstance(port, env)));
  });

  test.afterAll(async () => {
    await Promise.all(instances.map(stopInstance));
    if (database) await dropDatabase(SERVER_URL!, database.name);
  });

  test("a customer's 4th OTP in 15 minutes is refused on whichever instance gets it", async ({ browser, sim }) => {
    const pages = await Promise.all(instances.map((instance) => agentOn(browser, instance, agents.mobile)));
    const mobile = uniqueMobile();
    for (let i = 0; i < 5; i += 1) {
      const transfer = await sendOn(pages[i % 2]!, instances[i % 2]!, mobile, 1001 + i);
      if (i < 3) await expect(transfer.result).toBeVisible();
      else await expect(pageAlert(transfer.page)).toContainText("This customer has had 3 OTPs in the last 15 minutes. No OTP was sent.");
    }
    expect(await sim.received(mobile)).toHaveLength(3);
  });

  test(`an agent's ${AGENT_LIMIT + 1}th OTP in 15 minutes is refused across both instances`, async ({ browser, sim }) => {
    const pages = await Promise.all(instances.map((instance) => agentOn(browser, instance, agents.agent)));
    const mobiles = Array.from({ length: AGENT_LIMIT + 1 }, () => uniqueMobile());
    for (const [i, mobile] of mobiles.entries()) {
      const transfer = await sendOn(pages[i % 2]!, instances[i % 2]!, mobile, 2001 + i);
      if (i < AGENT_LIMIT) await expect(transfer.result).toBeVisible();
      else await expect(pageAlert(transfer.page)).toContainText(`You have requested ${AGENT_LIMIT} OTPs in the last 15 minutes. No OTP was sent.`);
    }
    const received = await Promise.all(mobiles.map(async (mobile) => (await sim.received(mobile)).length));
    expect(received).toEqual([1, 1, 1, 1, 1, 0]);
  });

  test("requests racing on both instances at once still let only 3 through for one customer", async ({ browser, sim }) => {
    const [first, second] = instances;
    const page = await agentOn(browser, first!, agents.race);
    const mobile = uniqueMobile();
    const transfer = new TransferPage(page);
    await page.goto(`${first!.base}/enter-ids`);
    await transfer.fill({ recipientId: "10017740", amount: "3001", customerMobile: mobile });
    // The mobile also posts the recent-recipients lookup: the send is the action with a submission id.
    const send = await captureAction(
      page,
      () => transfer.submitAndConfirm(),
      (body) => body.includes("submissionId"),
    );
    await expect(transfer.result).toBeVisible();

    // Five more submissions at once, alternating instances; the session is in the shared database, so one cookie serves both.
    const api = page.context().request;
    const replies = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        replayAction(api, send, { body: sendOtpBody(send.body, { newSubmission: true }), base: [first!, second!][i % 2]!.base }),
      ),
    );
    const statuses = replies.map((reply) => reply.result?.status).sort();
    expect(statuses).toEqual(["limited", "limited", "limited", "sent", "sent"]);
    expect(await sim.received(mobile)).toHaveLength(3);
  });
});
