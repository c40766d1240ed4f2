import { describe, expect, it } from "vitest";
import { applySecurityHeaders, isHttpsRequest, securityHeaders } from "./headers";

const NONCE = "AAECAwQFBgcICQoLDA0ODw==";
const keys = (isHttps: boolean) => securityHeaders({ nonce: NONCE, isDev: false, isHttps }).map(({ key }) => key);

describe("securityHeaders", () => {
  it("sends the CSP and the static list, HSTS only over https", () => {
    const overHttp = keys(false);
    for (const key of ["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "X-Frame-Options", "Cross-Origin-Opener-Policy"]) {
      expect(overHttp).toContain(key);
    }
    expect(overHttp).not.toContain("Strict-Transport-Security");
    expect(keys(true)).toContain("Strict-Transport-Security");
  });

  it("denies device features but lets the desk write to the clipboard", () => {
    const policy = securityHeaders({ nonce: NONCE, isDev: false, isHttps: false }).find(({ key }) => key === "Permissions-Policy")?.value ?? "";
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) expect(policy).toContain(`${feature}=()`);
    expect(policy).toContain("clipboard-write=(self)");
  });

  it("replaces an existing header instead of adding a second one", () => {
    const headers = new Headers({ "content-security-policy": "default-src *" });
    applySecurityHeaders(headers, securityHeaders({ nonce: NONCE, isDev: false, isHttps: false }));
    expect(headers.get("content-security-policy")).toContain(`'nonce-${NONCE}'`);
    expect(headers.get("content-security-policy")).not.toContain(",");
  });
});

describe("isHttpsRequest", () => {
  const http = new URL("http://127.0.0.1:3110/");
  const https = new URL("https://desk.example.in/");
  it("trusts the first X-Forwarded-Proto hop, else the URL", () => {
    expect(isHttpsRequest(http, null)).toBe(false);
    expect(isHttpsRequest(https, null)).toBe(true);
    expect(isHttpsRequest(http, "https")).toBe(true);
    expect(isHttpsRequest(http, "HTTPS, http")).toBe(true);
    expect(isHttpsRequest(https, "http")).toBe(false);
  });
});
