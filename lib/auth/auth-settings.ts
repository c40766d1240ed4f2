import "server-only";
import { freshSettings, readSettings, type Settings } from "@/lib/settings";

export type AuthSettings = Settings<"auth">;

/** DESK_URL, AUTH_SECURE_COOKIES, SIGN_IN_PER_ADDRESS_PER_MINUTE and DEMO_MODE (lib/settings.ts), read afresh. */
export function authSettings(env?: Record<string, string | undefined>): AuthSettings {
  return env ? readSettings("auth", env) : freshSettings("auth");
}
