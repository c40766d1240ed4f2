import uat from "../../lib/eko-sim/uat-values.json";

/** One place for what the suite's app and simulator are started with; playwright.config.ts and specs share it. */
export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3110);
export const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 4110);
export const APP_URL = `http://127.0.0.1:${APP_PORT}`;
export const SIM_URL = `http://127.0.0.1:${SIM_PORT}`;
/** `npm run traces` as the suite's collector: every instance sends its spans there, and it writes them to SPANS_FILE. */
export const OTLP_PORT = Number(process.env.E2E_OTLP_PORT ?? SIM_PORT + 1);
export const OTLP_URL = `http://127.0.0.1:${OTLP_PORT}`;
export const EKO_TIMEOUT_MS = 2_500;
export const SIM_SLOW_MS = 6_000;

export const EKO = {
  developerKey: uat.developerKey,
  accessKey: uat.accessKey,
  initiatorId: uat.initiatorId,
  userCode: uat.userCode,
} as const;

/** Each run's embedded database lives here; `npm test` clears .test-output first. */
export const E2E_DATA_DIR = ".test-output/e2e-data";
/** The shared app server's log lines (JSON, one per event). */
export const APP_LOG = ".test-output/e2e-app.log";
/** Every span the instances sent, one JSON line each (scripts/lib/otlp-receiver.ts's ReceivedSpan). */
export const SPANS_FILE = ".test-output/e2e-spans.jsonl";
/** What Prometheus would send for /api/metrics. */
export const METRICS_TOKEN = "e2e-metrics-token-0123456789abcdef";
export const PENDING_GRACE_MS = 1_000;

export const appEnv = {
  NODE_ENV: "production" as const,
  DATA_DIR: E2E_DATA_DIR,
  LEDGER_PENDING_GRACE_MS: String(PENDING_GRACE_MS),
  // The suite runs over plain http on 127.0.0.1.
  AUTH_SECURE_COOKIES: "false",
  DEMO_MODE: "0",
  // Specs that sign in wrongly on purpose say which client they are (X-Forwarded-For, as a proxy of ours would), so
  // their failures never lock the address every other spec signs in from; and that address signs in far more often
  // than a shop would (the per-minute cap has its unit test).
  TRUSTED_PROXY_HOPS: "1",
  SIGN_IN_PER_ADDRESS_PER_MINUTE: "10000",
  // The whole suite signs in as one demo agent; the agent limit has its own spec with its own instances.
  LIMIT_AGENT_PER_15_MIN: "10000",
  // Specs provoke upstream faults on purpose; the breaker has its own spec with its own instance.
  EKO_BREAKER_FAILURES: "1000",
  EKO_BASE_URL: `${SIM_URL}/ekoapi/v3`,
  EKO_DEVELOPER_KEY: EKO.developerKey,
  EKO_ACCESS_KEY: EKO.accessKey,
  EKO_INITIATOR_ID: EKO.initiatorId,
  EKO_USER_CODE: EKO.userCode,
  EKO_TIMEOUT_MS: String(EKO_TIMEOUT_MS),
  EKO_MIN_AMOUNT: "100",
  // The simulator's lost transfer is settled as "not made" within the test's patience; production waits 2 minutes.
  TRANSFER_NOT_FOUND_AFTER_MS: "3000",
  EKO_MAX_AMOUNT: "25000",
  // Signals go to the desk's graceful shutdown (in-flight Eko calls finish), not Next's immediate exit.
  NEXT_MANUAL_SIG_HANDLE: "true",
  // The whole suite runs traced, as an operator would run it: e2e/operators.spec.ts reads what arrived.
  OTEL_EXPORTER_OTLP_ENDPOINT: OTLP_URL,
  METRICS_TOKEN,
};

export type RoleName = "agent" | "supervisor" | "admin";

/** Signed-in browser state per role, written by e2e/auth.setup.ts. */
export const storageStateFor = (role: RoleName) => `e2e/.auth/${role}.json`;
