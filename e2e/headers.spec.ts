import type { APIResponse } from "@playwright/test";
import { expect, test } from "./fixtures";
import { APP_URL } from "./support/settings";

// Any value works: the proxy only looks for the cookie's presence; pages still check it and may send us to /login.
const FAKE_SESSION = { cookie: "better-auth.session_token=e2e-not-a-real-session" };
const ONCE = ["x-content-type-options", "referrer-policy", "permissions-policy", "x-frame-options", "cross-origin-opener-policy"];

/** Each header's values, by lower-case name: a header sent twice shows up as two entries. */
function headerValues(response: APIResponse): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const { name, value } of response.headersArray()) {
    const key = name.toLowerCase();
    values.set(key, [...(values.get(key) ?? []), value]);
  }
  return values;
}

function directive(csp: string, name: string): string[] | undefined {
  return csp.split(";").map((part) => part.trim().split(/\s+/)).find(([first]) => first === name)?.slice(1);
}

/** The non-CSP headers every response carries, each exactly once; no HSTS over plain http. */
function expectStaticHeaders(response: APIResponse) {
  const values = headerValues(response);
  for (const name of ONCE) expect(values.get(name), `${name} on ${response.url()}`).toHaveLength(1);
  const one = (name: string) => values.get(name)?.[0];
  expect(one("x-content-type-options")).toBe("nosniff");
  expect(["strict-origin-when-cross-origin", "no-referrer", "same-origin", "strict-origin"]).toContain(one("referrer-policy"));
  for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) expect(one("permissions-policy")).toContain(`${feature}=()`);
  expect(one("permissions-policy")).toContain("clipboard-write=(self)");
  expect(one("x-frame-options")).toBe("DENY");
  expect(one("cross-origin-opener-policy")).toBe("same-origin");
  expect(values.has("strict-transport-security"), `HSTS over http on ${response.url()}`).toBe(false);
}

/** All the headers, the CSP included; returns the CSP's nonce. */
function expectSecurityHeaders(response: APIResponse): string {
  expectStaticHeaders(response);
  const csps = headerValues(response).get("content-security-policy") ?? [];
  expect(csps, `one CSP on ${response.url()}`).toHaveLength(1);
  const csp = csps[0] ?? "";
  const scripts = directive(csp, "script-src") ?? [];
  const nonce = scripts.map((source) => /^'nonce-([A-Za-z0-9+/_-]+={0,2})'$/.exec(source)?.[1]).find(Boolean);
  expect(nonce, csp).toBeTruthy();
  expect(scripts).toContain("'strict-dynamic'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(directive(csp, "object-src")).toEqual(["'none'"]);
  expect(directive(csp, "base-uri")).toEqual(["'self'"]);
  expect(directive(csp, "form-action")).toEqual(["'self'"]);
  expect(directive(csp, "frame-ancestors")).toEqual(["'none'"]);
  expect(directive(csp, "connect-src")).toEqual(["'self'"]);
  expect(directive(csp, "img-src")).toEqual(["'self'", "data:", "blob:"]);
  expect(directive(csp, "upgrade-insecure-requests"), "no upgrade over plain http").toBeUndefined();
  return nonce ?? "";
}

/** The nonce attribute of every <script> in a page's HTML. */
function scriptNonces(html: string): (string | null)[] {
  return [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => /\snonce="([^"]*)"/.exec(tag)?.[1] ?? null);
}

// These checks are about what anyone, signed in or not, receives: start signed out.
test.use({ storageState: { cookies: [], origins: [] } });

test.describe("security headers", () => {
  test("the login page: CSP with a fresh nonce that every script tag carries", async ({ request }) => {
    const first = await request.get("/login", { maxRedirects: 0 });
    expect(first.status()).toBe(200);
    const nonce = expectSecurityHeaders(first);
    const nonces = scriptNonces(await first.text());
    expect(nonces.length).toBeGreaterThan(0);
    expect(new Set(nonces)).toEqual(new Set([nonce]));

    const second = await request.get("/login", { maxRedirects: 0 });
    const secondNonce = expectSecurityHeaders(second);
    expect(secondNonce).not.toBe(nonce);
    expect(new Set(scriptNonces(await second.text()))).toEqual(new Set([secondNonce]));
  });

  test("signed-out page requests are redirected to /login with a relative next, headers and all", async ({ request }) => {
    for (const [path, next] of [
      ["/", "/"],
      ["/requests", "/requests"],
      ["/requests?status=failed", "/requests?status=failed"],
    ] as const) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(307);
      expectSecurityHeaders(response);
      const location = response.headers()["location"] ?? "";
      expect(location.startsWith("/login?"), location).toBe(true);
      expect(new URL(location, APP_URL).searchParams.get("next")).toBe(next);
    }
  });

  test("a protocol-relative path never becomes an off-site redirect", async ({ request }) => {
    // A full URL, or the client would take "evil.example" for the host. Next itself answers this one first,
    // collapsing the slashes with a bare 308 (see the report: Next's own 308s skip headers entirely).
    const first = await request.get(`${APP_URL}//evil.example/x`, { maxRedirects: 0 });
    const location = first.headers()["location"] ?? "";
    expect(location).toMatch(/^\/[^/\\]/);
    const last = await request.get(`${APP_URL}//evil.example/x`);
    expect(new URL(last.url()).origin).toBe(APP_URL);
    expect(new URL(last.url()).pathname).toBe("/login");
  });

  test("followed all the way, a desk page ends on a page with the headers", async ({ request }) => {
    const response = await request.get("/requests");
    expect(response.ok()).toBe(true);
    expectSecurityHeaders(response);
  });

  test("with a session cookie the proxy lets a page through, headers on whatever the page answers", async ({ request }) => {
    const response = await request.get("/requests", { headers: FAKE_SESSION, maxRedirects: 0 });
    expectSecurityHeaders(response);
  });

  test("route handlers carry them, and are never redirected", async ({ request }) => {
    const response = await request.post("/api/requests", { data: {}, maxRedirects: 0 });
    expect(response.status()).toBeGreaterThanOrEqual(400);
    expect(response.status()).toBeLessThan(500);
    expectSecurityHeaders(response);
  });

  test("a missing page and a missing route handler carry them", async ({ request }) => {
    const page = await request.get("/no-such-page", { headers: FAKE_SESSION, maxRedirects: 0 });
    expect(page.status()).toBe(404);
    expectSecurityHeaders(page);
    const api = await request.get("/api/no-such-route", { maxRedirects: 0 });
    expect(api.status()).toBe(404);
    expectSecurityHeaders(api);
  });

  test("Next's build output gets the non-CSP headers and a strict CSP of its own from next.config.js", async ({ request }) => {
    const html = await (await request.get("/login")).text();
    const asset = /\/_next\/static\/[^"'\s]+\.js/.exec(html)?.[0];
    expect(asset).toBeTruthy();
    const response = await request.get(asset ?? "");
    expect(response.status()).toBe(200);
    expectStaticHeaders(response);
    const csps = headerValues(response).get("content-security-policy") ?? [];
    expect(csps).toHaveLength(1);
    expect(directive(csps[0] ?? "", "default-src")).toEqual(["'none'"]);
    expect(directive(csps[0] ?? "", "frame-ancestors")).toEqual(["'none'"]);
  });

  test("every other path, a static file's or a 404 at a file-like path, gets the full CSP", async ({ request }) => {
    for (const path of ["/icon.svg", "/robots.txt"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expectSecurityHeaders(response);
    }
    for (const path of ["/no-such-image.png", "/notes.txt", "/x/y.webmanifest", "/z.map"]) {
      const response = await request.get(path, { headers: FAKE_SESSION, maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
      expectSecurityHeaders(response);
    }
  });

  test("a nonce the client sends is never the page's", async ({ request }) => {
    const forged = "AAAAAAAAAAAAAAAAAAAAAA==";
    for (const path of ["/login", "/no-such-image.png", "/no-such-page"]) {
      const response = await request.get(path, { headers: { ...FAKE_SESSION, "x-nonce": forged }, maxRedirects: 0 });
      const nonce = expectSecurityHeaders(response);
      expect(nonce).not.toBe(forged);
      const nonces = scriptNonces(await response.text());
      expect(nonces, path).not.toContain(forged);
      expect(new Set(nonces), path).toEqual(new Set([nonce]));
    }
  });

  test("behind an https proxy: HSTS and upgrade-insecure-requests", async ({ request }) => {
    const response = await request.get("/login", { headers: { "x-forwarded-proto": "https" }, maxRedirects: 0 });
    expect(response.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(directive(response.headers()["content-security-policy"] ?? "", "upgrade-insecure-requests")).toEqual([]);
  });

  for (const [name, path, status] of [
    ["/login", "/login", 200],
    // Needs a dynamic not-found page: a prerendered 404 has scripts without this request's nonce.
    ["a missing page", "/no-such-page", 404],
  ] as const) {
    test(`Chromium loads ${name} with no CSP violation and runs Next's nonced scripts`, async ({ page, context }) => {
      await context.addCookies([{ name: "better-auth.session_token", value: "e2e-not-a-real-session", url: APP_URL }]);
      const problems: string[] = [];
      page.on("console", (message) => {
        const text = message.text();
        if (/Content Security Policy|Content-Security-Policy|Permissions-Policy/i.test(text)) problems.push(text);
      });
      page.on("pageerror", (error) => problems.push(error.message));
      const response = await page.goto(path);
      expect(response?.status()).toBe(status);
      await page.waitForLoadState("networkidle");
      // Next's inline flight scripts push onto this array; it exists only if the nonced inline scripts ran.
      expect(await page.evaluate(() => Array.isArray((window as unknown as { __next_f?: unknown }).__next_f))).toBe(true);
      expect(problems).toEqual([]);
    });
  }
});
