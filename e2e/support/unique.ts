import { randomBytes } from "node:crypto";

// fixtures.ts hands out 9xxxxxxxxx numbers; these start with 8, so the two never meet.
const mobileBase = 100_000_000 + Math.floor(Math.random() * 800_000_000);
let mobileCounter = 0;

/** A customer mobile no other test in this run uses (for places the freshMobile fixture cannot reach, like beforeAll). */
export function uniqueMobile(): string {
  mobileCounter += 1;
  return `8${mobileBase + mobileCounter}`;
}

/** A username no earlier run created either: the suite's database can outlive a run. */
export function uniqueUsername(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString("hex")}`;
}

/** Passwords for the users the specs create (at least 12 characters). */
export const TEST_PASSWORD = "e2e-password-2026";

/**
 * A client address for the X-Forwarded-For header, as the proxy in front of the desk reports each client. Failed
 * sign-ins are also counted per address (30 in 15 minutes lock it): with 127.0.0.1 for everything, the failures
 * that sign-in specs cause on purpose would add up over a few quick re-runs on one database and lock every sign-in.
 */
export function uniqueClientAddress(): string {
  const byte = () => 1 + Math.floor(Math.random() * 254);
  return `198.18.${byte()}.${byte()}`;
}
