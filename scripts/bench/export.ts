import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Db } from "@/lib/db/open";
import { CSV_HEADER, csvLine } from "@/lib/otp-requests/requests-csv";
import { iterateRequests, type ReviewQuery } from "@/lib/otp-requests/review-repository";
import { MemoryPeak } from "./stats";

export type ExportResult = { rows: number; bytes: number; seconds: number; rowsPerSecond: number; rssMb: number; heapMb: number };

/** A sink that throws the CSV away and counts its bytes; the pipeline still honours its backpressure. */
class CountingSink extends Writable {
  bytes = 0;
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.bytes += chunk.length;
    done();
  }
}

/**
 * Streams up to `maxRows` matching rows out of the ledger with `iterateRequests`, formats each batch exactly as the
 * export route does (`exportRequestsCsv`: BOM, header, `csvLine` per row, UTF-8) and pipes the bytes into a discarding
 * sink. Memory is sampled every 10 ms and after every batch; growth is the peak above the level just before.
 */
export async function measureExport(db: Db, query: ReviewQuery, maxRows: number): Promise<ExportResult> {
  let rows = 0;
  const sink = new CountingSink();
  const memory = new MemoryPeak(10);
  const encoder = new TextEncoder();
  async function* csv(): AsyncGenerator<Uint8Array> {
    yield encoder.encode(`\uFEFF${CSV_HEADER.join(",")}\r\n`);
    for await (const batch of iterateRequests(db, query)) {
      const take = batch.length > maxRows - rows ? batch.slice(0, maxRows - rows) : batch;
      rows += take.length;
      yield encoder.encode(`${take.map(csvLine).join("\r\n")}\r\n`);
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
