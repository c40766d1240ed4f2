import "server-only";
import { ConfigError } from "@/lib/eko/config";

export type AuthSettings = { baseUrl: string | undefined; secureCookies: boolean; demoMode: boolean; signInPerAddressPerMinute: number };

const DEFAULT_SIGN_IN_PER_ADDRESS_PER_MINUTE = 20;

/**
 * `DESK_URL`: the address people use (e.g. https://desk.example.in); cookies are `Secure` unless it is plain http.
 * Without it, cookies are `Secure` in production. `AUTH_SECURE_COOKIES=false` is for loopback demos and tests only.
 */
export function authSettings(env: Record<string, string | undefined> = process.env): AuthSettings {
  const deskUrl = env.DESK_URL?.trim() || undefined;
  if (deskUrl && !(URL.canParse(deskUrl) && /^https?:$/.test(new URL(deskUrl).protocol))) {
    throw new ConfigError(["DESK_URL must be the http(s) address of the desk, such as https://desk.example.in"]);
  }
  const flag = env.AUTH_SECURE_COOKIES?.trim().toLowerCase();
  if (flag && flag !== "true" && flag !== "false") throw new ConfigError(["AUTH_SECURE_COOKIES must be true or false"]);
  const secureCookies = flag ? flag === "true" : deskUrl ? deskUrl.startsWith("https:") : env.NODE_ENV === "production";
  // A shop's agents share one address; twenty sign-ins a minute is more than a shop makes, and caps what a script
  // can write from one address.
  const perMinute = env.SIGN_IN_PER_ADDRESS_PER_MINUTE?.trim();
  if (perMinute && !/^[1-9]\d{0,5}$/.test(perMinute)) {
    throw new ConfigError(["SIGN_IN_PER_ADDRESS_PER_MINUTE must be a whole number of sign-in attempts, 1 or more"]);
  }
  const signInPerAddressPerMinute = perMinute ? Number(perMinute) : DEFAULT_SIGN_IN_PER_ADDRESS_PER_MINUTE;
  return { baseUrl: deskUrl, secureCookies, demoMode: env.DEMO_MODE === "1", signInPerAddressPerMinute };
}
