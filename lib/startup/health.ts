import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { getBreakerSettings, getEkoBreaker } from "@/lib/eko/breaker-settings";
import type { BreakerState } from "@/lib/eko/circuit-breaker";
import { getEkoConfig } from "@/lib/eko/config";
import { ConfigError } from "@/lib/settings";
import type { EkoEnvironment } from "@/lib/eko/environment";
import { isDraining } from "./graceful-shutdown";
import { droppedLogLines } from "./output-streams";

/** The database must answer `select 1` within this. */
const DB_CHECK_MS = 2_000;

/** Safe to publish: names and states only, never a key or the base URL. */
export type HealthReport = {
  status: "ready" | "not-ready" | "draining";
  database: "ok" | "unavailable";
  configuration: "ok" | "invalid";
  /** Which settings are wrong (variable names only) when the configuration is invalid. */
  problems?: string[];
  eko: { environment: EkoEnvironment; breaker: BreakerState } | null;
  /** Log lines lost because standard output or error had broken (a log shipper gone): the desk went on serving. */
  droppedLogLines: number;
};

async function databaseAnswers(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), DB_CHECK_MS)));
  const query = getDb()
    .then((db) => db.execute(sql`select 1`))
    .then(
      () => true,
      () => false,
    );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function ekoPart(): { eko: HealthReport["eko"]; problems: string[] } {
  try {
    const { environment } = getEkoConfig();
    getBreakerSettings();
    return { eko: { environment, breaker: getEkoBreaker().state() }, problems: [] };
  } catch (error) {
    // ConfigError's problems read "EKO_ACCESS_KEY is required (…)": the variable's name and rule, never a value.
    const problems = error instanceof ConfigError ? error.problems.map((p) => p.split(" ")[0] ?? "settings") : ["settings"];
    return { eko: null, problems };
  }
}

/** For /api/health: 200 when ready to take OTP requests, else 503 with the part that is not. */
export async function checkHealth(): Promise<{ httpStatus: 200 | 503; report: HealthReport }> {
  const { eko, problems } = ekoPart();
  const database = (await databaseAnswers()) ? "ok" : "unavailable";
  const configuration = problems.length === 0 ? "ok" : "invalid";
  const status = isDraining() ? "draining" : database === "ok" && configuration === "ok" ? "ready" : "not-ready";
  const report: HealthReport = { status, database, configuration, ...(problems.length ? { problems } : {}), eko, droppedLogLines: droppedLogLines() };
  return { httpStatus: status === "ready" ? 200 : 503, report };
}
