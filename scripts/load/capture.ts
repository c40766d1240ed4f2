import { existsSync } from "node:fs";
import { chromium, type Browser, type Request } from "@playwright/test";

export type ActionTarget = { url: string; actionId: string; contentType: string };
export type CapturedActions = {
  signIn: ActionTarget;
  sendOtp: ActionTarget;
  transfer?: ActionTarget;
  refund?: { sendRefundOtp: ActionTarget; refund: ActionTarget };
};

const SYSTEM_CHROMIUM = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

/** Debian's Chromium where it is installed (Playwright cannot download its own here), else Playwright's. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: SYSTEM_CHROMIUM,
    args: SYSTEM_CHROMIUM
      ? ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
      : [],
  });
}

function target(request: Request): ActionTarget {
  const headers = request.headers();
  return { url: request.url(), actionId: headers["next-action"] ?? "", contentType: headers["content-type"] ?? "text/plain;charset=UTF-8" };
}

/**
 * The load goes through exactly what the form uses, the server actions: a real browser signs in and sends one OTP
 * once, and the action ids it posted are reused by the load's plain HTTP clients. Given the customer's OTP for an
 * `otp_ref_id`, it also transfers on that OTP (the account needs a shop location: the browser gives none), to a
 * recipient the simulator leaves in refund pending, and refunds that transfer from its page.
 */
export async function captureActions(
  baseUrl: string,
  account: { username: string; password: string },
  customerOtp?: (otpRefId: string) => string | undefined,
  refundOtp?: (customerMobile: string) => string | undefined,
): Promise<CapturedActions> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const actions: Request[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && request.headers()["next-action"]) actions.push(request);
    });
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel("Username").fill(account.username);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    // The form with typed IDs: the load's customers are any mobiles, with no verification in front.
    await page.goto(`${baseUrl}/enter-ids`);
    await page.getByLabel("Customer mobile").fill("6000000001");
    await page.getByLabel("Recipient ID").fill(refundOtp ? "10017743" : "10017740");
    await page.getByLabel("Amount (₹)").fill("100");
    await page.getByRole("button", { name: "Send OTP", exact: true }).click();
    // Waited for itself: the answer's alert may be matched by Next's route announcer before the send is even posted.
    const sending = page.waitForRequest((request) => request.method() === "POST" && !!request.postData()?.includes("submissionId"));
    await page.getByRole("dialog").getByRole("button", { name: "Confirm and send OTP" }).click();
    await sending;
    await page.getByTestId("otp-ref-id").or(page.getByRole("alert")).first().waitFor();
    // The form also looks up the customer's recent recipients: the send is the action that carries a submission id.
    const signIn = actions[0];
    const sendOtp = actions.find((request) => request.postData()?.includes("submissionId"));
    if (!signIn || !sendOtp) throw new Error("The browser did not post the sign-in and send actions");
    if (!customerOtp) return { signIn: target(signIn), sendOtp: target(sendOtp) };
    const otp = customerOtp((await page.getByTestId("otp-ref-id").textContent())?.trim() ?? "");
    if (!otp) throw new Error("The simulator texted no OTP for the browser's send");
    await page.getByRole("textbox", { name: "Customer's OTP" }).fill(otp);
    await page.getByRole("button", { name: /^Transfer ₹/ }).click();
    await page.getByTestId("transfer-title").or(page.getByRole("alert")).first().waitFor();
    const transfer = actions.find((request) => request.postData()?.includes("otpRequestRef"));
    if (!transfer) throw new Error("The browser did not post the transfer action");
    const captured = { signIn: target(signIn), sendOtp: target(sendOtp), transfer: target(transfer) };
    if (!refundOtp) return captured;
    await page.getByTestId("transfer-title").waitFor();
    await page.goto(`${baseUrl}/`);
    await page.getByTestId("actions-due").getByRole("link").first().click();
    await page.getByRole("button", { name: "Send refund OTP" }).click();
    await page.getByTestId("refund-otp-sent").waitFor();
    await page.getByRole("textbox", { name: "Refund OTP from the customer's SMS" }).fill(refundOtp("6000000001") ?? "");
    await page.getByRole("button", { name: "Cash returned: confirm refund" }).click();
    await page.getByTestId("refund-title").waitFor();
    // Posted in this order: Send refund OTP, then the refund.
    const refundPosts = actions.filter((request) => request.postData()?.includes("transferRef"));
    const [sendRefundOtp, refund] = [refundPosts[0], refundPosts.length > 1 ? refundPosts.at(-1) : undefined];
    if (!sendRefundOtp || !refund) throw new Error("The browser did not post the refund actions");
    return { ...captured, refund: { sendRefundOtp: target(sendRefundOtp), refund: target(refund) } };
  } finally {
    await browser.close();
  }
}
