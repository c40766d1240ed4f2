import { test as base } from "@playwright/test";
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
  freshMobile: async ({}, provide) => {
    mobileCounter += 1;
    await provide(`9${mobileBase + mobileCounter}`);
  },
});

export { expect } from "@playwright/test";
