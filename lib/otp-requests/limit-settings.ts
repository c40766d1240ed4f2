import "server-only";
import { readSettings, settings, type Settings } from "@/lib/settings";

/** How many OTP requests may go towards Eko in each window; refusals (`limited`) do not count. */
export type LimitSettings = Settings<"limits">;

/** The LIMIT_* settings (lib/settings.ts) from `env`. */
export function parseLimitSettings(env: Record<string, string | undefined>): LimitSettings {
  return readSettings("limits", env);
}

export function getLimitSettings(): LimitSettings {
  return settings("limits");
}
