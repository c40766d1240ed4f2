import { describe, expect, it } from "vitest";
import { buildCsp, createNonce } from "./csp";

const NONCE = "AAECAwQFBgcICQoLDA0ODw==";

/** The source list of one directive, or undefined when the policy lacks it. */
function directive(policy: string, name: string): string[] | undefined {
  const found = policy.split(";").map((part) => part.trim().split(/\s+/)).find(([first]) => first === name);
  return found?.slice(1);
}

const prodHttp = buildCsp({ nonce: NONCE, isDev: false, isHttps: false });
const prodHttps = buildCsp({ nonce: NONCE, isDev: false, isHttps: true });
const dev = buildCsp({ nonce: NONCE, isDev: true, isHttps: false });

describe("buildCsp", () => {
  it("allows scripts by this request's nonce with 'strict-dynamic', never 'unsafe-inline'", () => {
    for (const policy of [prodHttp, prodHttps, dev]) {
      const scripts = directive(policy, "script-src");
      expect(scripts).toContain(`'nonce-${NONCE}'`);
      expect(scripts).toContain("'strict-dynamic'");
      expect(scripts).not.toContain("'unsafe-inline'");
    }
  });

  it("adds 'unsafe-eval' in development only", () => {
    expect(directive(dev, "script-src")).toContain("'unsafe-eval'");
    expect(prodHttp).not.toContain("unsafe-eval");
    expect(prodHttps).not.toContain("unsafe-eval");
  });

  it("forbids framing, plugins, foreign bases and foreign form targets", () => {
    expect(directive(prodHttp, "frame-ancestors")).toEqual(["'none'"]);
    expect(directive(prodHttp, "object-src")).toEqual(["'none'"]);
    expect(directive(prodHttp, "base-uri")).toEqual(["'self'"]);
    expect(directive(prodHttp, "form-action")).toEqual(["'self'"]);
    expect(directive(prodHttp, "connect-src")).toEqual(["'self'"]);
    expect(directive(prodHttp, "img-src")).toEqual(["'self'", "data:", "blob:"]);
  });

  it("keeps no nonce in style-src, where it would switch 'unsafe-inline' off", () => {
    expect(directive(prodHttp, "style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("upgrades insecure requests over https only", () => {
    expect(directive(prodHttp, "upgrade-insecure-requests")).toBeUndefined();
    expect(directive(dev, "upgrade-insecure-requests")).toBeUndefined();
    expect(directive(prodHttps, "upgrade-insecure-requests")).toEqual([]);
  });

  it("is one header line Next can read the nonce back from", () => {
    expect(prodHttp).not.toMatch(/[\r\n]/);
    // The same pattern Next's get-script-nonce-from-header.js uses.
    const source = directive(prodHttp, "script-src")?.find((s) => s.startsWith("'nonce-"));
    expect(source?.match(/^'nonce-([A-Za-z0-9+/_-]+={0,2})'$/)?.[1]).toBe(NONCE);
  });

  it("refuses a nonce that could break out of the header", () => {
    for (const nonce of ["", "short", `${NONCE}' 'unsafe-inline`, `${NONCE}; script-src *`, `${NONCE}\r\nSet-Cookie: a=b`]) {
      expect(() => buildCsp({ nonce, isDev: false, isHttps: false })).toThrow();
    }
  });
});

describe("createNonce", () => {
  it("is 128 bits of base64, different every time, and accepted by buildCsp", () => {
    const nonces = new Set(Array.from({ length: 200 }, createNonce));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(() => buildCsp({ nonce, isDev: false, isHttps: false })).not.toThrow();
    }
  });
});
