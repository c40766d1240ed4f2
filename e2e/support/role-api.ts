import type { APIRequestContext, PlaywrightWorkerArgs } from "@playwright/test";
import { APP_URL, storageStateFor, type RoleName } from "./settings";

export type Caller = RoleName | "anonymous";

/** No cookies at all: a script that never signed in. */
export const ANONYMOUS_STATE = { cookies: [], origins: [] };

export const stateFor = (caller: Caller) => (caller === "anonymous" ? ANONYMOUS_STATE : storageStateFor(caller));

/** Playwright's request API with a role's saved session (or none), as a script holding that cookie would call. */
export function apiAs(
  playwright: PlaywrightWorkerArgs["playwright"],
  caller: Caller,
  options: { baseURL?: string; extraHTTPHeaders?: Record<string, string> } = {},
): Promise<APIRequestContext> {
  return playwright.request.newContext({ baseURL: APP_URL, ...options, storageState: stateFor(caller) });
}
