import { describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/settings";
import { authSettings } from "./auth-settings";

describe("auth settings", () => {
  it("uses Secure cookies in production, and not in development", () => {
    expect(authSettings({ NODE_ENV: "production" }).secureCookies).toBe(true);
    expect(authSettings({ NODE_ENV: "development" }).secureCookies).toBe(false);
  });

  it("follows DESK_URL's scheme when it is set", () => {
    expect(authSettings({ NODE_ENV: "production", DESK_URL: "http://10.0.0.5:3000" }).secureCookies).toBe(false);
    expect(authSettings({ NODE_ENV: "development", DESK_URL: "https://desk.example.in" }).secureCookies).toBe(true);
  });

  it("lets a loopback demo or test turn Secure off explicitly, and nothing else", () => {
    expect(authSettings({ NODE_ENV: "production", AUTH_SECURE_COOKIES: "false" }).secureCookies).toBe(false);
    expect(() => authSettings({ AUTH_SECURE_COOKIES: "maybe" })).toThrow(ConfigError);
    expect(() => authSettings({ DESK_URL: "ftp://desk" })).toThrow(/DESK_URL/);
  });

  it("shows demo accounts only in demo mode", () => {
    expect(authSettings({ DEMO_MODE: "1" }).demoMode).toBe(true);
    expect(authSettings({}).demoMode).toBe(false);
  });

  it("caps sign-in attempts per address per minute, 20 unless set", () => {
    expect(authSettings({}).signInPerAddressPerMinute).toBe(20);
    expect(authSettings({ SIGN_IN_PER_ADDRESS_PER_MINUTE: "200" }).signInPerAddressPerMinute).toBe(200);
    expect(() => authSettings({ SIGN_IN_PER_ADDRESS_PER_MINUTE: "0" })).toThrow(/SIGN_IN_PER_ADDRESS_PER_MINUTE/);
    expect(() => authSettings({ SIGN_IN_PER_ADDRESS_PER_MINUTE: "lots" })).toThrow(/SIGN_IN_PER_ADDRESS_PER_MINUTE/);
  });
});
