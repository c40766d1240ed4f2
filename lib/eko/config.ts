import "server-only";
import { z } from "zod";
import { ekoEnvironmentOf, type EkoEnvironment } from "./environment";

const blankAsMissing = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const wholeNumber = (label: string, min: number, max: number) =>
  z.preprocess(
    blankAsMissing,
    z
      .string({ error: `is required (${label})` })
      .regex(/^\d+$/, { error: `must be a whole number (${label})` })
      .transform(Number)
      .pipe(z.number().min(min, { error: `must be at least ${min}` }).max(max, { error: `must be at most ${max}` })),
  );

const withDefault = (schema: z.ZodType<number>, fallback: number) =>
  z.preprocess((value) => blankAsMissing(value) ?? String(fallback), schema);

const required = (what: string) =>
  z.preprocess(
    blankAsMissing,
    z
      .string({ error: `is required (${what})` })
      .refine((value) => value === value.trim() && !/\s/.test(value), { error: "must not contain spaces" }),
  );

const envSchema = z
  .object({
    EKO_BASE_URL: z.preprocess(
      blankAsMissing,
      z
        .string({ error: "is required (e.g. https://staging.eko.in/ekoapi/v3)" })
        .trim()
        .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
          error: "must be an http(s) URL such as https://staging.eko.in/ekoapi/v3",
        })
        .refine((value) => !URL.canParse(value) || (!new URL(value).search && !new URL(value).hash), {
          error: "must not carry a query or fragment (?… or #…)",
        })
        .transform((value) => value.replace(/\/+$/, "")),
    ),
    EKO_DEVELOPER_KEY: required("Eko developer_key"),
    EKO_ACCESS_KEY: required("Eko access_key"),
    EKO_INITIATOR_ID: required("the registered initiator mobile").pipe(
      z.string().regex(/^\d{10}$/, { error: "must be the 10-digit initiator mobile Eko registered" }),
    ),
    EKO_USER_CODE: required("the agent's Eko user_code").pipe(
      z.string().regex(/^\d{1,20}$/, { error: "must be the agent's numeric Eko user_code" }),
    ),
    EKO_TIMEOUT_MS: withDefault(wholeNumber("milliseconds", 500, 120_000), 15_000),
    EKO_MIN_AMOUNT: withDefault(wholeNumber("rupees", 1, 10_000_000), 100),
    EKO_MAX_AMOUNT: withDefault(wholeNumber("rupees", 1, 10_000_000), 25_000),
  })
  .refine((env) => env.EKO_MIN_AMOUNT <= env.EKO_MAX_AMOUNT, {
    path: ["EKO_MAX_AMOUNT"],
    error: "must not be below EKO_MIN_AMOUNT",
  });

export type EkoConfig = {
  baseUrl: string;
  environment: EkoEnvironment;
  developerKey: string;
  accessKey: string;
  initiatorId: string;
  userCode: string;
  timeoutMs: number;
  minAmount: number;
  maxAmount: number;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Levin Desk cannot start: fix these settings.\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the Eko settings; the message names every variable that is missing or malformed, never its value. */
export function parseEkoConfig(env: Record<string, string | undefined>): EkoConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
  }
  const e = parsed.data;
  return {
    baseUrl: e.EKO_BASE_URL,
    environment: ekoEnvironmentOf(e.EKO_BASE_URL),
    developerKey: e.EKO_DEVELOPER_KEY,
    accessKey: e.EKO_ACCESS_KEY,
    initiatorId: e.EKO_INITIATOR_ID,
    userCode: e.EKO_USER_CODE,
    timeoutMs: e.EKO_TIMEOUT_MS,
    minAmount: e.EKO_MIN_AMOUNT,
    maxAmount: e.EKO_MAX_AMOUNT,
  };
}

let cached: EkoConfig | undefined;

export function getEkoConfig(): EkoConfig {
  cached ??= parseEkoConfig(process.env);
  return cached;
}

/** The part of the configuration the browser may see: no key, no identifier. */
export type DeskSettings = { minAmount: number; maxAmount: number; environment: EkoEnvironment };

export function getDeskSettings(): DeskSettings {
  const { minAmount, maxAmount, environment } = getEkoConfig();
  return { minAmount, maxAmount, environment };
}
