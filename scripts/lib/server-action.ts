/**
 * A server action's return value from its RSC answer: row 0 is `{"a":"$@<row>",…}`, pointing at the row that holds
 * it (`1:{"status":"sent",…}`). Null when the answer has no such row (an error page, a redirect).
 */
export function actionResult(text: string): Record<string, unknown> | null {
  const rows = new Map<string, unknown>();
  for (const line of text.split("\n")) {
    const match = line.match(/^([0-9a-f]+):(\{.*\})$/);
    if (match?.[1] && match[2]) rows.set(match[1], JSON.parse(match[2]));
  }
  const head = rows.get("0");
  const pointer =
    typeof head === "object" && head !== null && "a" in head && typeof head.a === "string" ? head.a.match(/^\$@([0-9a-f]+)$/)?.[1] : undefined;
  const value = pointer ? rows.get(pointer) : undefined;
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
