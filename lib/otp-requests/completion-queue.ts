import "server-only";
import type { Db } from "@/lib/db/open";
import { isDraining } from "@/lib/startup/graceful-shutdown";
import { completeRequests, type Completion, type DatedCompletion } from "./ledger-repository";

/**
 * Write-behind for the ledger's completions, the one write of the OTP path that nobody waits on (the agent already
 * has Eko's answer). Completions that arrive within `WINDOW_MS` of each other are written in one statement: under
 * load, one round trip and one commit for many rows instead of one each; at any load, the write lands while the
 * database would otherwise sit idle during the next request's call to Eko, instead of queueing in front of that
 * request's admission. The price is that window: if the process dies inside it, those rows stay `pending` and read
 * `unknown` once stale, exactly as when the process dies during the write itself.
 */
export const WINDOW_MS = 5;
export const MAX_BATCH = 200;

type Waiting = DatedCompletion & { settle: (done: boolean) => void; fail: (error: unknown) => void };

class CompletionQueue {
  private waiting: Waiting[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly db: Db) {}

  add(clientRefId: string, completion: Completion): Promise<boolean> {
    return new Promise<boolean>((settle, fail) => {
      this.waiting.push({ clientRefId, completion, completedAt: new Date(), settle, fail });
      // A shutdown writes at once: nothing to gain from waiting, and the process is about to close the database.
      if (this.waiting.length >= MAX_BATCH || isDraining()) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), WINDOW_MS);
    });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, MAX_BATCH);
      this.write(batch).catch((error: unknown) => {
        // One row the database refuses (an Eko code out of range, say) must not cost the others their completion.
        if (batch.length === 1) batch[0]!.fail(error);
        else for (const item of batch) this.write([item]).catch(item.fail);
      });
    }
  }

  private async write(batch: Waiting[]): Promise<void> {
    const completed = await completeRequests(this.db, batch);
    for (const item of batch) item.settle(completed.has(item.clientRefId));
  }
}

// One queue per open database: a reopened database (lib/db/client.ts) starts a new one.
const queues = new WeakMap<Db, CompletionQueue>();

/**
 * Completes a pending row within `WINDOW_MS`, in one statement with the other completions of that window. Resolves
 * false when no pending row had that client_ref_id (already completed, or never recorded), and rejects when the write
 * fails.
 */
export function completeSoon(db: Db, clientRefId: string, completion: Completion): Promise<boolean> {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = new CompletionQueue(db)));
  return queue.add(clientRefId, completion);
}
