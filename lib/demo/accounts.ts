/** The demo's accounts (`npm run demo` creates them; the login page lists them only when DEMO_MODE=1). */
export const DEMO_ACCOUNTS = [
  { username: "demo-agent", password: "demo-agent-pass-2026", role: "agent", userCode: "20810200", shopLatlong: "28.4595,77.0266" },
  { username: "demo-supervisor", password: "demo-supervisor-pass-2026", role: "supervisor" },
  { username: "demo-admin", password: "demo-admin-pass-2026", role: "admin" },
] as const;
