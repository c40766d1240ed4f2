import type { Role } from "@/lib/db/schema-states";

/** Where each role starts. */
export function homeFor(role: Role): string {
  if (role === "supervisor") return "/requests";
  if (role === "admin") return "/admin/users";
  return "/";
}
