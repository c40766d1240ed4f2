import "server-only";
import { z } from "zod";
import { CircuitBreaker } from "./circuit-breaker";
import { ConfigError } from "./config";

/** When the desk stops calling Eko: after `failures` upstream faults in a row, for `cooldownMs`. */
export type BreakerSettings = { failures: number; cooldownMs: number };

const whole = (fallback: number, min: number, max: number, unit: string) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : String(fallback)),
    z
      .string()
      .regex(/^\d+$/, { error: `must be a whole number of ${unit} (default ${fallback})` })
      .transform(Number)
      .pipe(
        z
          .number()
          .min(min, { error: `must be at least ${min}` })
          .max(max, { error: `must be at most ${max}` }),
      ),
  );

const envSchema = z.object({
  EKO_BREAKER_FAILURES: whole(5, 1, 1_000, "failures"),
  EKO_BREAKER_COOLDOWN_MS: whole(30_000, 1_000, 3_600_000, "milliseconds"),
});

/** Reads the EKO_BREAKER_* settings; the error names each variable that is malformed, never its value. */
export function parseBreakerSettings(env: Record<string, string | undefined>): BreakerSettings {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
  return { failures: parsed.data.EKO_BREAKER_FAILURES, cooldownMs: parsed.data.EKO_BREAKER_COOLDOWN_MS };
}

let cached: BreakerSettings | undefined;

export function getBreakerSettings(): BreakerSettings {
  cached ??= parseBreakerSettings(process.env);
  return cached;
}

// One breaker per process, shared by every bundle that imports this module (it hangs off globalThis).
const holder = globalThis as typeof globalThis & { __levinDeskEkoBreaker?: CircuitBreaker };

/** The process's breaker around Eko, with the EKO_BREAKER_* settings. */
export function getEkoBreaker(): CircuitBreaker {
  holder.__levinDeskEkoBreaker ??= new CircuitBreaker(getBreakerSettings());
  return holder.__levinDeskEkoBreaker;
}
