/**
 * The `code` of an error or of one of its causes (Node's ECONNREFUSED, PostgreSQL's 23505…). Only the code: messages
 * can quote a query's parameters or an address, which do not belong in logs.
 */
export function errorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    if (typeof e === "object" && "code" in e && typeof e.code === "string") return e.code;
    e = typeof e === "object" && "cause" in e ? e.cause : undefined;
  }
  return undefined;
}
