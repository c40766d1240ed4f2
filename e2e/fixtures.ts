import { test as base, type Page } from "@playwright/test";
import { storageStateFor } from "./support/settings";
import { TransferPage } from "./pages/transfer-page";
import { SimClient } from "./support/sim-client";

// Each worker draws a random block of numbers, then counts up inside it.
const mobileBase = 700_000_000 + Math.floor(Math.random() * 200_000_000);
let mobileCounter = 0;

type Fixtures = {
  transferPage: TransferPage;
  sim: SimClient;
  /** A customer mobile no other test in this run uses, so what the simulator received can be told apart. */
  freshMobile: string;
  /** A second browser context signed in as the demo supervisor. */
  supervisorPage: Page;
};

export const test = base.extend<Fixtures>({
  transferPage: async ({ page }, provide) => {
    const transferPage = new TransferPage(page);
    await transferPage.goto();
    await provide(transferPage);
  },
  sim: async ({ request }, provide) => {
    await provide(new SimClient(request));
  },
  supervisorPage: async ({ browser }, provide) => {
    const context = await browser.newContext({ storageState: storageStateFor("supervisor") });
    await provide(await context.newPage());
    await context.close();
  },
  freshMobile: async ({}, provide) => {
    mobileCounter += 1;
    await provide(`9${mobileBase + mobileCounter}`);
  },
});

export { expect } from "@playwright/test";
