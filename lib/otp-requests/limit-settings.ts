import "server-only";
import { settings, type Settings } from "@/lib/settings";

/** How many OTP requests may go towards Eko in each window; refusals (`limited`) do not count. */
export type LimitSettings = Settings<"limits">;

export function getLimitSettings(): LimitSettings {
  return settings("limits");
}
