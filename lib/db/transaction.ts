import "server-only";
import { inDbSpan } from "@/lib/observability/tracing";
import type { Db, Tx } from "./open";

/** Every transaction the desk runs, the one way: named, so its span in a trace says what it was for. */
export function runTransaction<R>(db: Db, name: string, body: (tx: Tx) => Promise<R>): Promise<R> {
  return inDbSpan(`transaction ${name}`, () => db.transaction(body));
}
