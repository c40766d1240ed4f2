import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Db } from "@/lib/db/open";
import { iterateRequests, type ReviewQuery } from "@/lib/otp-requests/review-repository";
import { CSV_HEADER, csvLines } from "./csv";
import { MemoryPeak } from "./stats";

export type ExportResult = { rows: number; bytes: number; seconds: number; rowsPerSecond: number; rssMb: number; heapMb: number };

/** A sink that throws the CSV away and counts its bytes, as a slow client's socket would, with backpressure. */
class CountingSink extends Writable {
  bytes = 0;
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.bytes += chunk.length;
    done();
  }
}

/**
 * Streams up to `maxRows` matching rows out of the ledger with `iterateRequests`, formats them as CSV and pipes them into
 * a discarding sink. Memory is sampled every 10 ms and after every batch; growth is the peak above the level just before.
 */
export async function measureExport(db: Db, query: ReviewQuery, maxRows: number): Promise<ExportResult> {
  let rows = 0;
  const sink = new CountingSink();
  const memory = new MemoryPeak(10);
  async function* csv(): AsyncGenerator<string> {
    yield CSV_HEADER;
    for await (const batch of iterateRequests(db, query)) {
      const take = batch.length > maxRows - rows ? batch.slice(0, maxRows - rows) : batch;
      rows += take.length;
      yield csvLines(take);
      memory.sample();
      if (rows >= maxRows) return;
    }
  }
  const started = performance.now();
  await pipeline(Readable.from(csv()), sink).finally(() => memory.stop());
  const seconds = (performance.now() - started) / 1000;
  const growth = memory.stop();
  return { rows, bytes: sink.bytes, seconds, rowsPerSecond: rows / seconds, rssMb: growth.rssMb, heapMb: growth.heapMb };
}
