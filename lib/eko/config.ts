import "server-only";
import { readSettings, settings, type Settings } from "@/lib/settings";
import type { EkoEnvironment } from "./environment";

export type EkoConfig = Settings<"eko">;

/** The EKO_* settings (lib/settings.ts) from `env`; the error names every variable that is missing or malformed. */
export function parseEkoConfig(env: Record<string, string | undefined>): EkoConfig {
  return readSettings("eko", env);
}

export function getEkoConfig(): EkoConfig {
  return settings("eko");
}

/** The part of the configuration the browser may see: no key, no identifier. */
export type DeskSettings = { minAmount: number; maxAmount: number; environment: EkoEnvironment };

export function getDeskSettings(): DeskSettings {
  const { minAmount, maxAmount, environment } = getEkoConfig();
  return { minAmount, maxAmount, environment };
}
