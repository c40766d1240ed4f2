import "server-only";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_DATA_DIR } from "@/lib/db/default-data-dir.js";
import { ekoEnvironmentOf } from "@/lib/eko/environment";
import { blankAsMissing, given, isHttpUrl, required, whole } from "@/lib/settings-readers";

/** Every environment variable in one place, with one error style: the variable's name and what is wrong, never its value. */
type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Levin Desk cannot start: fix these settings.\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const ekoSchema = z
  .object({
    EKO_BASE_URL: z.preprocess(
      blankAsMissing,
      z
        .string({ error: "is required (e.g. https://staging.eko.in/ekoapi/v3)" })
        .trim()
        .refine(isHttpUrl, { error: "must be an http(s) URL such as https://staging.eko.in/ekoapi/v3" })
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
    EKO_USER_CODE: required("the agent's Eko user_code").pipe(z.string().regex(/^\d{1,20}$/, { error: "must be the agent's numeric Eko user_code" })),
    EKO_TIMEOUT_MS: whole("milliseconds", 500, 120_000, 15_000),
    EKO_MIN_AMOUNT: whole("rupees", 1, 10_000_000, 100),
    EKO_MAX_AMOUNT: whole("rupees", 1, 10_000_000, 25_000),
  })
  .refine((env) => env.EKO_MIN_AMOUNT <= env.EKO_MAX_AMOUNT, { path: ["EKO_MAX_AMOUNT"], error: "must not be below EKO_MIN_AMOUNT" })
  .transform((e) => ({
    baseUrl: e.EKO_BASE_URL,
    environment: ekoEnvironmentOf(e.EKO_BASE_URL),
    developerKey: e.EKO_DEVELOPER_KEY,
    accessKey: e.EKO_ACCESS_KEY,
    initiatorId: e.EKO_INITIATOR_ID,
    userCode: e.EKO_USER_CODE,
    timeoutMs: e.EKO_TIMEOUT_MS,
    minAmount: e.EKO_MIN_AMOUNT,
    maxAmount: e.EKO_MAX_AMOUNT,
  }));

/** When the desk stops calling Eko: after `failures` upstream faults in a row, for `cooldownMs`. */
const breakerSchema = z
  .object({
    EKO_BREAKER_FAILURES: whole("failures", 1, 1_000, 5),
    EKO_BREAKER_COOLDOWN_MS: whole("milliseconds", 1_000, 3_600_000, 30_000),
  })
  .transform((e) => ({ failures: e.EKO_BREAKER_FAILURES, cooldownMs: e.EKO_BREAKER_COOLDOWN_MS }));

/** How many OTP requests may go towards Eko in each window; refusals (`limited`) do not count. */
const limitsSchema = z
  .object({
    LIMIT_MOBILE_PER_15_MIN: whole("requests", 1, 100_000, 3),
    LIMIT_MOBILE_PER_24_HOURS: whole("requests", 1, 100_000, 10),
    LIMIT_AGENT_PER_15_MIN: whole("requests", 1, 100_000, 30),
  })
  .transform((e) => ({
    mobilePer15Min: e.LIMIT_MOBILE_PER_15_MIN,
    mobilePer24Hours: e.LIMIT_MOBILE_PER_24_HOURS,
    agentPer15Min: e.LIMIT_AGENT_PER_15_MIN,
  }));

/** Cookies are `Secure` unless DESK_URL is plain http (production, without it). A shop's agents share one address. */
const authSchema = z
  .object({
    DESK_URL: z.preprocess(
      given,
      z.string().refine(isHttpUrl, { error: "must be the http(s) address of the desk, such as https://desk.example.in" }).optional(),
    ),
    AUTH_SECURE_COOKIES: z.preprocess(
      (value) => (typeof value === "string" ? value.trim().toLowerCase() || undefined : value),
      z.enum(["true", "false"], { error: "must be true or false" }).optional(),
    ),
    SIGN_IN_PER_ADDRESS_PER_MINUTE: whole("sign-in attempts", 1, 100_000, 20),
    DEMO_MODE: z.string().optional(),
    NODE_ENV: z.string().optional(),
  })
  .transform((e) => ({
    baseUrl: e.DESK_URL,
    secureCookies: e.AUTH_SECURE_COOKIES
      ? e.AUTH_SECURE_COOKIES === "true"
      : e.DESK_URL
        ? e.DESK_URL.startsWith("https:")
        : e.NODE_ENV === "production",
    demoMode: e.DEMO_MODE === "1",
    signInPerAddressPerMinute: e.SIGN_IN_PER_ADDRESS_PER_MINUTE,
  }));

/** Only the X-Forwarded-For entries our own proxies appended can be believed; with none, the header is ignored. */
const proxySchema = z
  .object({
    TRUSTED_PROXY_HOPS: whole("reverse proxies in front of the desk", 0, 9, 0),
  })
  .transform((e) => ({ hops: e.TRUSTED_PROXY_HOPS }));

/**
 * A `pending` row older than Eko's timeout plus this grace reads `unknown`; it covers clock drift between instances.
 * An unanswered transfer Eko has no record of is settled as never made only this long after the desk gave up on it.
 */
const ledgerSchema = z
  .object({
    LEDGER_PENDING_GRACE_MS: whole("milliseconds", 0, 600_000, 10_000),
    TRANSFER_NOT_FOUND_AFTER_MS: whole("milliseconds", 0, 3_600_000, 120_000),
  })
  .transform((e) => ({ pendingGraceMs: e.LEDGER_PENDING_GRACE_MS, notFoundAfterMs: e.TRANSFER_NOT_FOUND_AFTER_MS }));

/** Where the ledger lives: embedded PGlite files under DATA_DIR by default, a PostgreSQL server with DATABASE_URL. */
const databaseSchema = z
  .object({
    DATABASE_URL: z.preprocess(
      given,
      z
        .string()
        .refine((url) => /^postgres(ql)?:\/\//.test(url) && URL.canParse(url), {
          error: "must be a postgres:// or postgresql:// URL (leave it unset for the embedded database)",
        })
        .optional(),
    ),
    DATA_DIR: z.preprocess((value) => given(value) ?? DEFAULT_DATA_DIR, z.string()),
  })
  .transform((e) => {
    // Runtime data, not a build input: keep the bundler from tracing it.
    const dataDir = path.resolve(/* turbopackIgnore: true */ process.cwd(), e.DATA_DIR);
    const target = e.DATABASE_URL
      ? ({ kind: "postgres", url: e.DATABASE_URL } as const)
      : ({ kind: "pglite", dataDir: path.join(dataDir, "pglite") } as const);
    return { dataDir, target };
  });

const LEDGER_KEY_BYTES = 32;

/** A ledger key as written in LEDGER_KEY or its file: 32 bytes, base64 (44 characters) or hex (64); null otherwise. */
export function decodeLedgerKey(text: string): Buffer | null {
  const key = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(key)) return Buffer.from(key, "hex");
  const buffer = Buffer.from(key, "base64");
  return buffer.length === LEDGER_KEY_BYTES && /^[A-Za-z0-9+/]{43}=$/.test(key) ? buffer : null;
}

/** With DATABASE_URL every instance must encrypt with the same key; the embedded default keeps one in DATA_DIR (null). */
const ledgerKeySchema = z
  .object({
    LEDGER_KEY: z.preprocess(
      given,
      z
        .string()
        .transform(
          (text, ctx) =>
            decodeLedgerKey(text) ??
            (ctx.addIssue({ code: "custom", message: "must be 32 random bytes, base64 (44 characters) or hex (64 characters)" }), z.NEVER),
        )
        .optional(),
    ),
    DATABASE_URL: z.preprocess(given, z.string().optional()),
  })
  .refine((e) => e.LEDGER_KEY || !e.DATABASE_URL, {
    path: ["LEDGER_KEY"],
    error: "is required with DATABASE_URL: every instance must encrypt with the same key (openssl rand -base64 32)",
  })
  .transform((e) => ({ key: e.LEDGER_KEY ?? null }));

/** The bench's bare routes (lib/bench/bare-routes.ts); next.config.js reads the variable at build time too. */
const benchSchema = z.object({ BENCH_BARE_ROUTES: z.string().optional() }).transform((e) => ({ bareRoutes: e.BENCH_BARE_ROUTES === "1" }));

/** Traces go to an OTLP/HTTP collector only when its endpoint is set; headers are for a collector that wants a key. */
const telemetrySchema = z
  .object({
    OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess(
      given,
      z
        .string()
        .refine((value) => isHttpUrl(value) && !new URL(value).search, {
          error: "must be the collector's http(s) base URL, such as http://127.0.0.1:4318",
        })
        .transform((value) => value.replace(/\/+$/, ""))
        .optional(),
    ),
    OTEL_EXPORTER_OTLP_HEADERS: z.preprocess(
      given,
      z
        .string()
        .regex(/^\s*[\w-]+\s*=[^,]*[^\s,][^,]*(,\s*[\w-]+\s*=[^,]*[^\s,][^,]*)*$/, { error: "must be name=value pairs separated by commas" })
        .transform((text) => Object.fromEntries(text.split(",").map((pair) => pair.split(/=(.*)/s, 2).map((part) => part.trim()))))
        .optional(),
    ),
    OTEL_SERVICE_NAME: z.preprocess(
      (value) => given(value) ?? "levin-desk",
      z.string().regex(/^[\w.-]{1,64}$/, { error: "must be a short name (letters, digits, . _ -)" }),
    ),
  })
  .transform((e) => ({
    endpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT ?? null,
    headers: e.OTEL_EXPORTER_OTLP_HEADERS ?? {},
    serviceName: e.OTEL_SERVICE_NAME,
  }));

/** The bearer token Prometheus sends for /api/metrics; unset, the endpoint does not exist (404). */
const metricsSchema = z
  .object({
    METRICS_TOKEN: z.preprocess(
      given,
      z
        .string()
        .min(24, { error: "must be at least 24 characters (openssl rand -hex 24)" })
        .regex(/^[\x21-\x7e]+$/, { error: "must be printable characters without spaces" })
        .optional(),
    ),
  })
  .transform((e) => ({ token: e.METRICS_TOKEN ?? null }));

const SECTIONS = {
  eko: ekoSchema,
  breaker: breakerSchema,
  limits: limitsSchema,
  auth: authSchema,
  proxy: proxySchema,
  ledger: ledgerSchema,
  database: databaseSchema,
  ledgerKey: ledgerKeySchema,
  bench: benchSchema,
  telemetry: telemetrySchema,
  metrics: metricsSchema,
};

export type SettingsSection = keyof typeof SECTIONS;

/** Every environment variable the sections read, by name: what `.env.example` must document. */
export const SETTING_NAMES: readonly string[] = Object.values(SECTIONS).flatMap((schema) => Object.keys(schema.in.shape));
export type Settings<S extends SettingsSection> = z.output<(typeof SECTIONS)[S]>;

function problemsOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
}

/** One section of the settings from `env`, or a ConfigError that names every variable that is wrong. */
export function readSettings<S extends SettingsSection>(section: S, env: Env): Settings<S> {
  const parsed = SECTIONS[section].safeParse(env);
  if (!parsed.success) throw new ConfigError(problemsOf(parsed.error));
  return parsed.data as Settings<S>;
}

/** Every section at once, as the server starts: one error listing every problem. */
export function checkSettings(env: Env = process.env): void {
  const problems = Object.values(SECTIONS).flatMap((schema) => {
    const parsed = schema.safeParse(env);
    return parsed.success ? [] : problemsOf(parsed.error);
  });
  if (problems.length > 0) throw new ConfigError(problems);
}

const cache = new Map<SettingsSection, unknown>();

/** A section read now, for what test suites change while they run (the database, its key, sign-in). */
export function freshSettings<S extends SettingsSection>(section: S): Settings<S> {
  return readSettings(section, process.env);
}

/** A section of this process's settings, read from its environment once. */
export function settings<S extends SettingsSection>(section: S): Settings<S> {
  if (!cache.has(section)) cache.set(section, readSettings(section, process.env));
  return cache.get(section) as Settings<S>;
}
