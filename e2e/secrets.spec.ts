import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Response } from "@playwright/test";
import { expect, test } from "./fixtures";
import { EKO } from "./support/settings";

const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
const KEY_MATERIAL = [EKO.developerKey, EKO.accessKey, base64(EKO.accessKey)];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

test.describe("keys and full mobiles never reach the browser", () => {
  test("no response during the flow carries a key, its base64, a secret-key or the full mobile", async ({ transferPage, supervisorPage, sim, freshMobile }) => {
    const seen: Promise<string>[] = [];
    const record = (response: Response) =>
      seen.push(
        response
          .body()
          .then((body) => `${JSON.stringify(response.headers())}\n${body.toString("utf8")}`)
          .catch(() => JSON.stringify(response.headers())),
      );
    transferPage.page.on("response", record);
    supervisorPage.on("response", record);

    await transferPage.page.reload();
    await transferPage.send({ recipientId: "10017740", amount: "2500", customerMobile: freshMobile });
    await expect(transferPage.result).toBeVisible();
    await transferPage.send({ recipientId: "403", amount: "2500", customerMobile: freshMobile });
    await expect(transferPage.alert).toBeVisible();
    // The supervisors' review, searched by this very mobile, and its live refresh.
    await supervisorPage.goto("/requests");
    await supervisorPage.getByLabel("Customer mobile (exact)").fill(freshMobile);
    await supervisorPage.getByRole("button", { name: "Apply filters" }).click();
    await expect(supervisorPage.locator("tbody tr")).toHaveCount(2);

    const signatures = (await sim.received(freshMobile)).map((r) => r.headers["secret-key"]).filter(Boolean) as string[];
    expect(signatures).toHaveLength(2);
    const bodies = await Promise.all(seen);
    expect(bodies.length).toBeGreaterThan(3);
    // Personal data too: the full customer mobile leaves the browser but never comes back.
    for (const secret of [...KEY_MATERIAL, ...signatures, freshMobile]) {
      for (const body of bodies) expect(body.includes(secret), `a response carried ${secret.slice(0, 6)}…`).toBe(false);
    }
  });

  test("the client bundle in .next/static holds no key", () => {
    const files = filesUnder(path.join(process.cwd(), ".next", "static"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(file, "latin1");
      for (const secret of KEY_MATERIAL) expect(text.includes(secret), `${file} holds key material`).toBe(false);
    }
  });
});
