import "server-only";
import { z } from "zod";
import { ConfigError } from "@/lib/eko/config";

/** How many OTP requests may go towards Eko in each window; refusals (`limited`) do not count. */
export type LimitSettings = { mobilePer15Min: number; mobilePer24Hours: number; agentPer15Min: number };

const MAX_PER_WINDOW = 100_000;

const count = (fallback: number) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : String(fallback)),
    z
      .string()
      .regex(/^\d+$/, { error: `must be a whole number of requests (default ${fallback})` })
      .transform(Number)
      .pipe(
        z
          .number()
          .min(1, { error: "must be at least 1" })
          .max(MAX_PER_WINDOW, { error: `must be at most ${MAX_PER_WINDOW}` }),
      ),
  );

const envSchema = z.object({
  LIMIT_MOBILE_PER_15_MIN: count(3),
  LIMIT_MOBILE_PER_24_HOURS: count(10),
  LIMIT_AGENT_PER_15_MIN: count(30),
});

/** Reads the LIMIT_* settings; the error names each variable that is malformed, never its value. */
export function parseLimitSettings(env: Record<string, string | undefined>): LimitSettings {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
  return {
    mobilePer15Min: parsed.data.LIMIT_MOBILE_PER_15_MIN,
    mobilePer24Hours: parsed.data.LIMIT_MOBILE_PER_24_HOURS,
    agentPer15Min: parsed.data.LIMIT_AGENT_PER_15_MIN,
  };
}

let cached: LimitSettings | undefined;

export function getLimitSettings(): LimitSettings {
  cached ??= parseLimitSettings(process.env);
  return cached;
}
