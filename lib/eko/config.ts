import "server-only";
import { settings, type Settings } from "@/lib/settings";
import type { EkoEnvironment } from "./environment";

export type EkoConfig = Settings<"eko">;

export function getEkoConfig(): EkoConfig {
  return settings("eko");
}

/** The part of the configuration the browser may see: no key, no identifier. */
export type DeskSettings = { minAmount: number; maxAmount: number; environment: EkoEnvironment };

export function getDeskSettings(): DeskSettings {
  const { minAmount, maxAmount, environment } = getEkoConfig();
  return { minAmount, maxAmount, environment };
}
