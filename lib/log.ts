import "server-only";

type Fields = Record<string, string | number | boolean | null | undefined>;

/**
 * One JSON line per event. Callers pass codes and context only: never keys, signatures, tokens or full mobiles.
 */
export function logEvent(level: "info" | "warn" | "error", event: string, fields: Fields = {}): void {
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}
