import "server-only";
import { ConfigError, getEkoConfig } from "@/lib/eko/config";

/** Runs once as the server starts: a missing or malformed setting stops it with the variable's name. */
export function checkConfigOrExit(): void {
  try {
    getEkoConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
