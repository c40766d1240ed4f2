// The desk's environment for `npm run demo`: the local simulator with Eko's published UAT values, the demo accounts,
// and always a database of its own. The shell's DATABASE_URL, DATA_DIR or LEDGER_KEY may point at a real desk's; the
// demo would seed its published passwords there.

/** Where the demo keeps its embedded database and ledger key. */
export const DEMO_DATA_DIR = "demo-data";

/** @param {{ developerKey: string; accessKey: string; initiatorId: string; userCode: string }} uat */
export function demoEnv(uat, simPort) {
  return {
    NODE_ENV: "production",
    DATABASE_URL: "",
    DATA_DIR: DEMO_DATA_DIR,
    LEDGER_KEY: "",
    EKO_BASE_URL: `http://127.0.0.1:${simPort}/ekoapi/v3`,
    EKO_DEVELOPER_KEY: uat.developerKey,
    EKO_ACCESS_KEY: uat.accessKey,
    EKO_INITIATOR_ID: uat.initiatorId,
    EKO_USER_CODE: uat.userCode,
    DEMO_MODE: "1",
    // Plain http on this machine: a Secure cookie would not be kept by every browser here.
    AUTH_SECURE_COOKIES: "false",
    // The desk's own SIGTERM/SIGINT handler finishes in-flight Eko calls before exiting (lib/startup/graceful-shutdown.ts).
    NEXT_MANUAL_SIG_HANDLE: "true",
  };
}
