import { expect, test } from "./fixtures";

test.describe("agent sends a transaction OTP", () => {
  test("shows the very otp_ref_id the simulator issued, with the masked mobile", async ({ transferPage, sim, freshMobile }) => {
    const typed = `+91 ${freshMobile.slice(0, 5)} ${freshMobile.slice(5)}`;
    await transferPage.send({ recipientId: "10017740", amount: "1,500", customerMobile: typed, beneficiaryId: "40367" });

    await expect(transferPage.result).toBeVisible();
    const [received] = await sim.received(freshMobile);
    expect(received?.verdict).toBe("sent");
    // What reached Eko: normalised mobile, integers, the configured user_code, service 80.
    expect(received?.body).toMatchObject({
      customer_id: freshMobile,
      recipient_id: 10017740,
      amount: 1500,
      beneficiary_id: "40367",
      user_code: "20810200",
      service_code: 80,
    });
    expect(String(received?.body.client_ref_id)).toMatch(/^[0-9A-Z]{20}$/);

    // The reference shown is the one the simulator issued for this very request, whole.
    const issued = received?.reply?.body.data?.otp_ref_id;
    expect(issued).toMatch(/^[A-Za-z0-9+/]{40,}=*$/);
    await expect(transferPage.otpRefId).toHaveText(issued!);
    await expect(transferPage.result).toContainText(`••••••${freshMobile.slice(-4)}`);
    await expect(transferPage.result).not.toContainText(freshMobile);
    await expect(transferPage.result).toContainText(/IST/);
  });

  test("copies the otp_ref_id whole", async ({ transferPage, freshMobile }) => {
    // The page may not read the clipboard (Permissions-Policy): record what the app writes to it instead.
    await transferPage.page.addInitScript(() => {
      const original = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = async (text: string) => {
        (window as unknown as { copied?: string }).copied = text;
        return original(text).catch(() => undefined);
      };
    });
    await transferPage.goto();
    await transferPage.send({ recipientId: "10017740", amount: "500", customerMobile: freshMobile });
    const shown = await transferPage.otpRefId.textContent();
    await transferPage.page.getByRole("button", { name: "Copy OTP reference" }).click();
    await expect(transferPage.page.getByRole("button", { name: "Copy OTP reference" })).toHaveText("Copied");
    expect(await transferPage.page.evaluate(() => (window as unknown as { copied?: string }).copied)).toBe(shown);
  });

  test("invalid input shows field errors and sends nothing to Eko", async ({ transferPage, sim, freshMobile }) => {
    await transferPage.fill({ recipientId: "12ab", amount: "99", customerMobile: "5123456789", beneficiaryId: "40-367" });
    await transferPage.sendButton.click();
    await expect(transferPage.confirmDialog).toBeHidden();

    await expect(transferPage.recipientId).toHaveAttribute("aria-invalid", "true");
    await expect(transferPage.recipientId).toHaveAccessibleDescription(/digits only/);
    await expect(transferPage.amount).toHaveAccessibleDescription(/from ₹100 to ₹25,000/);
    await expect(transferPage.customerMobile).toHaveAccessibleDescription(/10-digit Indian mobile/);
    await expect(transferPage.beneficiaryId).toHaveAccessibleDescription(/letters and digits only/);
    await expect(transferPage.amount).toHaveValue("99");
    expect(await sim.received("5123456789")).toEqual([]);

    // With a valid mobile and recipient, only the amount (paise) is wrong: still nothing goes.
    await transferPage.fill({ recipientId: "10017740", amount: "150.50", customerMobile: freshMobile, beneficiaryId: "" });
    await transferPage.sendButton.click();
    await expect(transferPage.amount).toHaveAccessibleDescription(/whole rupees/i);
    await expect(transferPage.confirmDialog).toBeHidden();
    expect(await sim.received(freshMobile)).toEqual([]);
  });

  test("a field is checked as the agent leaves it, and a send made while the page's scripts are slow is still checked", async ({
    page,
    transferPage,
    sim,
    freshMobile,
  }) => {
    await transferPage.customerMobile.fill("5123");
    await transferPage.customerMobile.press("Tab");
    await expect(transferPage.customerMobile).toHaveAccessibleDescription(/10-digit Indian mobile/);

    await transferPage.goto();
    // The form's checks are fetched when it is first used: on a slow network, Send OTP waits for them.
    await page.route("**/_next/static/chunks/**", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await route.continue();
    });
    await transferPage.fill({ recipientId: "10017740", amount: "99", customerMobile: freshMobile, beneficiaryId: "" });
    await transferPage.sendButton.click();
    await expect(transferPage.amount).toHaveAccessibleDescription(/from ₹100 to ₹25,000/);
    await expect(transferPage.confirmDialog).toBeHidden();
    expect(await sim.received(freshMobile)).toEqual([]);
  });

  test("the button is disabled with progress while Eko answers, and a timeout says the OTP may have gone", async ({ transferPage, freshMobile }) => {
    await transferPage.send({ recipientId: "504", amount: "2000", customerMobile: freshMobile });
    await expect(transferPage.sendButton).toBeDisabled();
    await expect(transferPage.sendButton).toHaveText(/Sending OTP/);
    await expect(transferPage.alert).toContainText("did not answer within 3 seconds");
    await expect(transferPage.alert).toContainText("may or may not have reached the customer");
    await expect(transferPage.sendButton).toBeEnabled();
    await expect(transferPage.sendButton).toHaveText("Send OTP");
  });

  test("pressing Send OTP again on the same transfer sends nothing new and shows the same reference", async ({ transferPage, sim, freshMobile }) => {
    await transferPage.send({ recipientId: "10017740", amount: "900", customerMobile: freshMobile });
    const first = await transferPage.otpRefId.textContent();
    await transferPage.submitAndConfirm();
    await expect(transferPage.sendButton).toBeEnabled();
    await expect(transferPage.otpRefId).toHaveText(first!);
    expect(await sim.received(freshMobile)).toHaveLength(1);

    // A changed detail is a different transfer.
    await transferPage.amount.fill("950");
    await transferPage.submitAndConfirm();
    await expect(transferPage.otpRefId).not.toHaveText(first!);
    expect(await sim.received(freshMobile)).toHaveLength(2);
  });

  test("New transfer clears the form for the next customer and starts at the first field", async ({ transferPage, freshMobile }) => {
    await transferPage.send({ recipientId: "10017740", amount: "700", customerMobile: freshMobile });
    await expect(transferPage.result).toBeVisible();
    await transferPage.newTransferButton.click();
    await expect(transferPage.result).toBeHidden();
    await expect(transferPage.recipientId).toHaveValue("");
    await expect(transferPage.amount).toHaveValue("");
    await expect(transferPage.customerMobile).toHaveValue("");
    await expect(transferPage.customerMobile).toBeFocused();
  });

  test("shows that it talks to the simulator", async ({ transferPage }) => {
    await expect(transferPage.page.getByText("Simulator", { exact: true })).toBeVisible();
  });

  test("the page comes gzipped and the Send OTP answer plain, both as Chromium receives them", async ({ transferPage, freshMobile }) => {
    const { page } = transferPage;
    const document = page.waitForResponse((r) => r.request().resourceType() === "document" && new URL(r.url()).pathname === "/enter-ids");
    await transferPage.goto();
    expect(await (await document).headerValue("content-encoding")).toBe("gzip");

    const answer = page.waitForResponse(
      (r) => r.request().headers()["next-action"] !== undefined && (r.request().postData() ?? "").includes("submissionId"),
    );
    await transferPage.send({ recipientId: "10017740", amount: "500", customerMobile: freshMobile });
    const response = await answer;
    // Chromium offered gzip; the proxy withheld it for this few-hundred-byte answer (lib/http/action-compression.ts).
    expect(await response.request().headerValue("accept-encoding")).toContain("gzip");
    expect(await response.headerValue("content-encoding")).toBeNull();
    await expect(transferPage.result).toBeVisible();
  });
});
