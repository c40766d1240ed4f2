import type { Role } from "@/lib/db/schema-states";

/** Where each role starts. */
export function homeFor(role: Role): string {
  if (role === "supervisor") return "/requests";
  if (role === "admin") return "/admin/users";
  return "/";
}

/** Only a path on this site: never `//evil.example` or an absolute URL (no open redirect). */
export function safeReturnPath(value: string | undefined | null): string | null {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return null;
  return value;
}
