import "server-only";
import { ConfigError } from "@/lib/eko/config";

export type AuthSettings = { baseUrl: string | undefined; secureCookies: boolean; demoMode: boolean };

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
  return { baseUrl: deskUrl, secureCookies, demoMode: env.DEMO_MODE === "1" };
}
