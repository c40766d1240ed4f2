import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Every file under app/, with its text. */
function appFiles(dir = "app"): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return appFiles(file);
    return /\.(ts|tsx)$/.test(entry.name) ? [{ file, text: readFileSync(file, "utf8") }] : [];
  });
}

const files = appFiles();
const serverActionFiles = files.filter(({ text }) => /^\s*["']use server["'];/.test(text));
const routeFiles = files.filter(({ file }) => /[\\/]route(\.bench)?\.tsx?$/.test(file));
// What an export may be made by: the guard's wrappers, and nothing else.
const ACTION_WRAPPERS = /^export const (\w+) = (guardedAction|guardedFormAction|publicAction|publicFormAction)\(/;
const ROUTE_WRAPPERS = /^export const [A-Z]+ = (guardedRoute\("[\w-]+", |publicRoute\(|bearerRoute\()/;

describe("one guard, no side doors", () => {
  it("finds the desk's server actions and route handlers", () => {
    expect(serverActionFiles.length).toBeGreaterThanOrEqual(4);
    expect(routeFiles.length).toBeGreaterThanOrEqual(6);
  });

  it.each(serverActionFiles.map((f) => [f.file, f.text] as const))("every export of %s is made by the guard", (_file, text) => {
    const exports = text.split("\n").filter((line) => /^export\s/.test(line) && !/^export (type|interface)\s/.test(line));
    expect(exports.length).toBeGreaterThan(0);
    for (const line of exports) expect(line, line).toMatch(ACTION_WRAPPERS);
  });

  it.each(routeFiles.map((f) => [f.file, f.text] as const))("every handler of %s goes through the guard", (_file, text) => {
    const handlers = [...text.matchAll(/^export (?:async function|const|let|var) (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b[^\n]*$/gm)];
    expect(handlers.length).toBeGreaterThan(0);
    // The guard wraps the whole handler: it checks the session, role or token first and runs it under its request id.
    for (const [line, method] of handlers) expect(line, `${method} in ${_file}`).toMatch(ROUTE_WRAPPERS);
  });

  it("no page, action or handler names a role: each asks for a permission (lib/auth/permissions.ts)", () => {
    const naming = files.filter(({ text }) => /\[\s*"(agent|supervisor|admin)"|\.role\s*[!=]==?\s*"/.test(text)).map(({ file }) => file);
    expect(naming).toEqual([]);
  });

  it("nothing but the guard's own modules reads the session", () => {
    const readers = files.filter(({ text }) => /session-lookup|auth\.api\.getSession|sessionCookieSettings/.test(text)).map(({ file }) => file);
    expect(readers).toEqual([]);
  });
});
