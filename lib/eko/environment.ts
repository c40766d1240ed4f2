/** Which Eko the desk talks to, judged from the base URL; safe to show in the browser. */
export type EkoEnvironment = "production" | "uat" | "simulator" | "custom";

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

export function ekoEnvironmentOf(baseUrl: string): EkoEnvironment {
  const host = new URL(baseUrl).hostname;
  if (host === "api.eko.in") return "production";
  if (host === "staging.eko.in") return "uat";
  if (LOOPBACK.test(host)) return "simulator";
  return "custom";
}
