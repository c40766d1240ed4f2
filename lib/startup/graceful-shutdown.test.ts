import { afterEach, describe, expect, it, vi } from "vitest";
import { drain, inFlightCount, isDraining, resetShutdownForTests, shutDown, trackInFlight } from "./graceful-shutdown";

const later = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe("graceful shutdown", () => {
  afterEach(() => resetShutdownForTests());

  it("counts work in flight until it settles, errors included", async () => {
    const ok = trackInFlight(later("done", 20));
    const failing = trackInFlight(Promise.reject(new Error("boom")));
    expect(inFlightCount()).toBe(2);
    await expect(failing).rejects.toThrow("boom");
    expect(await ok).toBe("done");
    expect(inFlightCount()).toBe(0);
  });

  it("a drain stops new work and waits for what is in flight", async () => {
    const work = trackInFlight(later("answer", 50));
    const drained = drain(1_000);
    expect(isDraining()).toBe(true);
    expect(await drained).toBe(true);
    expect(await work).toBe("answer");
  });

  it("a drain gives up after its limit", async () => {
    void trackInFlight(later("slow", 300));
    expect(await drain(20)).toBe(false);
  });

  it("shuts down once: drains, closes, exits 0", async () => {
    const order: string[] = [];
    void trackInFlight(later(null, 30)).then(() => order.push("in-flight done"));
    const close = vi.fn(async () => void order.push("closed"));
    const exit = vi.fn((code: number) => void order.push(`exit ${code}`));
    await shutDown("SIGTERM", { limitMs: 1_000, flushMs: 5, close, exit, log: () => {} });
    expect(order).toEqual(["in-flight done", "closed", "exit 0"]);
  });

  it("still exits 0 when closing the database fails", async () => {
    const exit = vi.fn();
    const close = () => Promise.reject(new Error("gone"));
    await shutDown("SIGINT", { limitMs: 100, flushMs: 1, close, exit, log: () => {} });
    expect(exit).toHaveBeenCalledWith(0);
  });
});
