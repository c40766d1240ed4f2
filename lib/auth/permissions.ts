import type { Role } from "@/lib/db/schema-states";

/**
 * Who may do what: the one place a capability names its roles. Pages, server actions and route handlers ask the guard
 * (lib/auth/guard.ts) for a permission, never for a role.
 */
export const PERMISSIONS = {
  /** The counter: serve customers under the agent's own Eko user_code. */
  counter: ["agent"],
  /** The supervisors' review of every agent's requests and its exports. */
  review: ["supervisor"],
  /** Whether this server has stopped calling Eko: for whoever calls it at the counter or reviews the calls. */
  "eko-status": ["agent", "supervisor"],
  "manage-users": ["admin"],
  "read-audit": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function may(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
