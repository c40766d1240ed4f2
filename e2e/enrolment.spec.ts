import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Page, Response } from "@playwright/test";
import { expect, test } from "./fixtures";
import { pageAlert } from "./pages/alerts";
import { TransferPage } from "./pages/transfer-page";
import { seriousViolations } from "./support/axe";
import type { SimClient } from "./support/sim-client";
import { APP_LOG, APP_URL, storageStateFor } from "./support/settings";
import { uniqueClientAddress } from "./support/unique";

test.use({ viewport: { width: 360, height: 740 } });

// Every mobile starting 63 is a customer the simulator has not enrolled (README, test customers).
const base = randomInt(0, 90_000_000);
let count = 0;
const newCustomerMobile = () => `63${String(base + ++count).padStart(8, "0")}`;
const newAadhaar = () => `${randomInt(2, 10)}${String(randomInt(0, 1e11)).padStart(11, "0")}`;
const newPan = () =>
  `${Array.from({ length: 5 }, () => String.fromCharCode(65 + randomInt(26))).join("")}${String(randomInt(0, 1e4)).padStart(4, "0")}K`;

const WORDS = {
  en: {
    enrol: "Enrol the customer",
    aadhaar: "Customer's Aadhaar",
    aadhaarOtp: "Aadhaar OTP",
    pan: "Customer's PAN",
    sendOtp: "Send OTP",
    confirm: "Confirm and send OTP",
  },
  hi: { enrol: "ग्राहक का पंजीकरण करें", aadhaar: "ग्राहक का आधार", aadhaarOtp: "आधार OTP", pan: "ग्राहक का PAN", sendOtp: "OTP भेजें", confirm: /पुष्टि/ },
} as const;

/** The submit button of the form holding field `name`: the same in both languages. */
const submitOf = (page: Page, name: string) => page.locator(`form:has([name="${name}"]) button[type="submit"]`);

/** What every step must be: axe-clean, no sideways scrolling at 360 px, every target at least 44 px tall. */
async function checkStep(page: Page, step: string) {
  expect(await seriousViolations(page), step).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), step).toBeLessThanOrEqual(0);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("main button, main a[href], main input:not([type=hidden])")]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ el: el.outerHTML.slice(0, 80), h: el.getBoundingClientRect().height }))
      .filter(({ h }) => h < 44),
  );
  expect(small, step).toEqual([]);
}

/** The customer's details as on their ID, submitted. */
async function enterDetails(page: Page) {
  const details = { name: "Asha Rao", dob: "1990-05-15", street: "12 Station Road", city: "Pune", state: "Maharashtra", pincode: "411001" };
  for (const [name, value] of Object.entries(details)) await page.locator(`input[name="${name}"]`).fill(value);
  await submitOf(page, "pincode").click();
}

type Numbers = { mobile: string; aadhaar: string; pan: string };

/** Look-up, details, sender OTP, Aadhaar, its OTP and PAN, through the forms (with or without the page's script). */
async function enrol(page: Page, sim: SimClient, { mobile, aadhaar, pan }: Numbers, lang: "en" | "hi", check = true) {
  const words = WORDS[lang];
  await page.goto("/");
  await page.locator('input[name="customerMobile"]').fill(mobile);
  await submitOf(page, "customerMobile").click();
  await expect(page.getByRole("heading", { name: words.enrol })).toBeVisible();
  await expect(page).toHaveURL(/\/customers\/[A-Za-z0-9_-]{22}$/);
  if (check) await checkStep(page, "enrolment form");
  await enterDetails(page);

  await expect(page.locator('input[name="otp"]')).toBeVisible();
  await page.locator('input[name="otp"]').fill(await sim.lastOtp(mobile, "sender"));
  await submitOf(page, "otp").click();

  await expect(page.getByRole("heading", { name: words.aadhaar })).toBeVisible();
  const aadhaarField = page.locator('input[name="aadhaar"]');
  await expect(aadhaarField).toHaveAttribute("type", "password");
  await expect(aadhaarField).toHaveAttribute("autocomplete", "off");
  await expect(aadhaarField).toHaveAttribute("inputmode", "numeric");
  if (check) await checkStep(page, "Aadhaar form");
  await aadhaarField.fill(aadhaar);
  if (check) await expect(page.getByText(`•••• •••• ${aadhaar.slice(-4)}`)).toBeVisible();
  await submitOf(page, "aadhaar").click();

  await expect(page.getByRole("heading", { name: words.aadhaarOtp })).toBeVisible();
  await expect(page.getByText(`******${mobile.slice(-4)}`)).toBeVisible();
  if (check) await checkStep(page, "Aadhaar OTP form");
  await page.locator('input[name="otp"]').fill(await sim.lastOtp(mobile, "aadhaar"));
  await submitOf(page, "otp").click();

  await expect(page.getByRole("heading", { name: words.pan })).toBeVisible();
  await expect(page.locator('input[name="pan"]')).toHaveAttribute("autocomplete", "off");
  if (check) await checkStep(page, "PAN form");
  await page.locator('input[name="pan"]').fill(pan.toLowerCase());
  await submitOf(page, "pan").click();

  await expect(page.getByTestId("customer-card")).toBeVisible();
  await expect(page.getByTestId("customer-remaining")).toHaveText(/50,000/);
}

/** Neither identity number in any answer the browser got, the page, an address it visited, or the server's log. */
async function expectNumbersNowhere(page: Page, bodies: Promise<string>[], urls: string[], numbers: string[]) {
  const seen = await Promise.all(bodies);
  expect(seen.length).toBeGreaterThan(5);
  const log = readFileSync(APP_LOG, "utf8");
  expect(log).toContain("validate-pan");
  for (const number of numbers) {
    for (const body of [...seen, await page.content(), log]) expect(body.includes(number)).toBe(false);
    for (const url of urls) expect(decodeURIComponent(url), url).not.toContain(number);
  }
}

test.describe("enrolling a new customer", () => {
  for (const lang of ["en", "hi"] as const) {
    test(`(${lang}) through Aadhaar and PAN, then a recipient and a transfer to the receipt; the numbers go to Eko only`, async ({ page, sim }) => {
      test.setTimeout(90_000);
      await page.context().addCookies([{ name: "desk-lang", value: lang, url: APP_URL }]);
      const bodies: Promise<string>[] = [];
      const urls: string[] = [];
      page.on("response", (response: Response) => {
        urls.push(response.url());
        bodies.push(
          response
            .body()
            .then((b) => b.toString("utf8"))
            .catch(() => ""),
        );
      });
      page.on("framenavigated", (frame) => urls.push(frame.url()));
      const numbers = { mobile: newCustomerMobile(), aadhaar: newAadhaar(), pan: newPan() };
      await enrol(page, sim, numbers, lang);
      await checkStep(page, "the new customer's card");

      // Eko received both numbers, as typed: the PAN upper-cased.
      const received = await sim.received(numbers.mobile);
      expect(received.find((r) => r.path.endsWith("/aadhaar/otp"))?.body.aadhar).toBe(numbers.aadhaar);
      expect(received.find((r) => r.path.endsWith("/pan"))?.body.pan_number).toBe(numbers.pan);

      await page.locator('a[href$="/add-recipient"]').click();
      await page.locator('input[name="name"]').fill("Ravi Kumar");
      await page.locator('input[name="mobile"]').fill("9812345678");
      await page.locator('input[name="account"]').fill("123456789012");
      await page.locator('input[name="accountConfirm"]').fill("123456789012");
      await page.locator('input[name="ifsc"]').fill("HDFC0001234");
      await submitOf(page, "ifsc").click();
      await expect(page.getByRole("radio", { name: /Ravi Kumar/ })).toBeChecked();
      await page.locator('input[name="amount"]').fill("500");
      await page.getByRole("button", { name: WORDS[lang].sendOtp, exact: true }).click();
      await page.getByRole("dialog").getByRole("button", { name: WORDS[lang].confirm }).click();
      const transfer = new TransferPage(page);
      await expect(transfer.customerOtp).toBeVisible();
      await transfer.customerOtp.fill(await sim.lastOtp(numbers.mobile));
      await transfer.transferButton.click();
      await expect(transfer.receipt).toBeVisible();
      await expect(transfer.receipt).toContainText("₹504");

      await expectNumbersNowhere(page, bodies, urls, [numbers.aadhaar, numbers.pan, numbers.pan.toLowerCase()]);
    });
  }

  test("each refusal is said plainly: a mistyped number in the browser, a refused Aadhaar and PAN from Eko", async ({ page, sim }) => {
    const mobile = newCustomerMobile();
    await page.goto("/");
    await page.locator('input[name="customerMobile"]').fill(mobile);
    await submitOf(page, "customerMobile").click();
    // Checked in the browser first: nothing reaches Eko.
    await submitOf(page, "pincode").click();
    await expect(page.locator('input[name="name"]')).toHaveAccessibleDescription(/Enter the customer's full name/);
    await page.locator('input[name="dob"]').fill(`${new Date().getFullYear() - 10}-01-01`);
    await page.locator('input[name="pincode"]').fill("01100");
    await submitOf(page, "pincode").click();
    await expect(page.locator('input[name="dob"]')).toHaveAccessibleDescription(/at least 18/);
    await expect(page.locator('input[name="pincode"]')).toHaveAccessibleDescription(/6 digits/);
    expect((await sim.received(mobile)).filter((r) => r.path.endsWith(`/sender/${mobile}`) && r.body.name)).toHaveLength(0);

    await enterDetails(page);
    await expect(page.locator('input[name="otp"]')).toBeVisible();
    await page.locator('input[name="otp"]').fill(await sim.lastOtp(mobile, "sender"));
    await submitOf(page, "otp").click();

    await page.locator('input[name="aadhaar"]').fill("1234");
    await submitOf(page, "aadhaar").click();
    await expect(page.locator('input[name="aadhaar"]')).toHaveAccessibleDescription(/12 digits/);
    await page.locator('input[name="aadhaar"]').fill("999999999999");
    await submitOf(page, "aadhaar").click();
    await expect(pageAlert(page)).toContainText("Eko could not validate this Aadhaar number.");
    await expect(pageAlert(page)).not.toContainText("999999999999");
    await page.locator('input[name="aadhaar"]').fill(newAadhaar());
    await submitOf(page, "aadhaar").click();
    await expect(page.locator('input[name="otp"]')).toBeVisible();
    await page.locator('input[name="otp"]').fill("000000");
    await submitOf(page, "otp").click();
    await expect(pageAlert(page)).toContainText("That OTP is wrong");
    await page.locator('input[name="otp"]').fill(await sim.lastOtp(mobile, "aadhaar"));
    await submitOf(page, "otp").click();
    await expect(page.locator('input[name="pan"]')).toBeVisible();
    await page.locator('input[name="pan"]').fill("ZZZZZ9999Z");
    await submitOf(page, "pan").click();
    await expect(pageAlert(page)).toContainText("Eko did not accept this PAN.");
    await checkStep(page, "a refused PAN");
  });

  test("without JavaScript: every step posts its form, and no address holds the mobile or a number", async ({ browser, sim }) => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      storageState: storageStateFor("agent"),
      extraHTTPHeaders: { "x-forwarded-for": uniqueClientAddress() },
    });
    const page = await context.newPage();
    const urls: string[] = [];
    page.on("request", (request) => urls.push(request.url()));
    page.on("framenavigated", (frame) => urls.push(frame.url()));
    const numbers = { mobile: newCustomerMobile(), aadhaar: newAadhaar(), pan: newPan() };
    await enrol(page, sim, numbers, "en", false);
    for (const url of urls) for (const value of Object.values(numbers)) expect(decodeURIComponent(url), url).not.toContain(value);
    await context.close();
  });
});
