import { createServer } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { newClientRefId } from "@/lib/eko/client-ref-id";
import { sendTransactionOtp, type SendOtpDeps, type SendOtpRequest } from "@/lib/eko/send-transaction-otp";
import type { FaultMode } from "./faults";
import { createEkoSimulator, SIM_BASE_PATH, type Simulator } from "./server";
import EKO_UAT from "./uat-values.json";

const TIMEOUT_MS = 400;
let sim: Simulator;
let base: string;

beforeAll(async () => {
  sim = createEkoSimulator({ ...EKO_UAT, slowMs: 1_500, control: true });
  base = `http://127.0.0.1:${await sim.listen(0)}`;
});
afterEach(() => void sim.faults.set("off"));
afterAll(() => sim.close());

const config = (baseUrl: string): SendOtpDeps["config"] => ({ ...EKO_UAT, baseUrl, timeoutMs: TIMEOUT_MS });
const request = (): SendOtpRequest => ({
  clientRefId: newClientRefId(),
  userCode: EKO_UAT.userCode,
  recipientId: 10017740,
  amount: 110,
  customerMobile: "9444444444",
});
const send = (deps: Partial<SendOtpDeps> = {}, customerMobile = "9444444444") =>
  sendTransactionOtp({ ...request(), customerMobile }, { config: config(`${base}${SIM_BASE_PATH}`), ...deps });

async function setFault(body: unknown) {
  const response = await fetch(`${base}/__sim/fault`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { http: response.status, json: (await response.json()) as unknown };
}

describe("simulator faults against the real client", () => {
  it.each<[FaultMode, Record<string, unknown>]>([
    ["slow", { kind: "unknown", reason: "timeout" }],
    ["no-answer", { kind: "unknown", reason: "timeout" }],
    ["http-500", { kind: "failed", reason: "http", httpStatus: 500 }],
    ["html-502", { kind: "failed", reason: "http", httpStatus: 502 }],
    ["malformed-json", { kind: "unknown", reason: "unreadable-answer", httpStatus: 200 }],
    ["reset", { kind: "unknown", reason: "connection-lost" }],
    ["http-403", { kind: "failed", reason: "auth", httpStatus: 403 }],
    ["wrong-content-type", { kind: "unknown", reason: "unreadable-answer", httpStatus: 200 }],
    ["empty-body", { kind: "unknown", reason: "unreadable-answer", httpStatus: 200 }],
  ])("%s → %o, logged, and the next request is served", async (mode, expected) => {
    expect(await setFault({ mode })).toEqual({ http: 200, json: { mode, remaining: null } });
    const before = sim.received.length;
    expect(await send()).toMatchObject(expected);
    expect(sim.received.length).toBe(before + 1); // never retried: it reached the simulator
    expect(sim.received.at(-1)?.verdict).toBe(`fault: ${mode}`);

    await setFault({ mode: "off" });
    expect(await send()).toMatchObject({ kind: "sent" });
  });

  it("applies a fault `times` times, then switches itself off", async () => {
    await setFault({ mode: "http-500", times: 1 });
    expect(await send()).toMatchObject({ kind: "failed", reason: "http" });
    expect(await (await fetch(`${base}/__sim/fault`)).json()).toEqual({ mode: "off" });
    expect(await send()).toMatchObject({ kind: "sent" });
  });

  it("faults only the customer a fault names, and leaves every other customer's requests alone", async () => {
    expect(await setFault({ mode: "http-500", times: 2, customer_id: "9555555555" })).toEqual({ http: 200, json: { mode: "http-500", remaining: 2 } });
    expect(await send({}, "9666666666")).toMatchObject({ kind: "sent" });
    expect(await send({}, "9555555555")).toMatchObject({ kind: "failed", reason: "http" });
    expect(await (await fetch(`${base}/__sim/fault?customer_id=9555555555`)).json()).toEqual({ mode: "http-500", remaining: 1 });
    // Every-request faults and other customers' switches are separate: switching one off leaves the other on.
    await setFault({ mode: "reset" });
    await setFault({ mode: "off", customer_id: "9666666666" });
    expect(await send({}, "9555555555")).toMatchObject({ kind: "failed", reason: "http" });
    expect(await (await fetch(`${base}/__sim/fault?customer_id=9555555555`)).json()).toEqual({ mode: "off" });
    expect(await send({}, "9555555555")).toMatchObject({ kind: "unknown" });
    expect(sim.received.at(-1)?.verdict).toBe("fault: reset");
    expect((await setFault({ mode: "reset", customer_id: "95555" })).http).toBe(400);
  });

  it("leaves unsigned requests to the signature check", async () => {
    await setFault({ mode: "no-answer" });
    const outcome = await sendTransactionOtp(request(), { config: { ...config(`${base}${SIM_BASE_PATH}`), accessKey: "wrong" } });
    expect(outcome).toMatchObject({ kind: "failed", reason: "auth" });
    expect(sim.received.at(-1)?.verdict).toMatch(/^403: /);
  });

  it("refuses an unknown mode and shows the current one", async () => {
    expect((await setFault({ mode: "melt" })).http).toBe(400);
    expect((await setFault({ mode: "reset", times: 0 })).http).toBe(400);
    await setFault({ mode: "reset", times: 3 });
    expect(await (await fetch(`${base}/__sim/fault`)).json()).toEqual({ mode: "reset", remaining: 3 });
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)));
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("retries where nothing reached Eko", () => {
  it("a refused connection is tried 3 times, signed afresh each time, then failed/unreachable", async () => {
    const port = await closedPort();
    const secretKeys: (string | null)[] = [];
    const counting: typeof fetch = (input, init) => {
      secretKeys.push(new Headers(init?.headers).get("secret-key"));
      return fetch(input, init);
    };
    const waits: number[] = [];
    let clock = 1_700_000_000_000;
    const outcome = await sendTransactionOtp(request(), {
      config: { ...config(`http://127.0.0.1:${port}${SIM_BASE_PATH}`), timeoutMs: 2_000 },
      fetch: counting,
      now: () => (clock += 1_000),
      sleep: async (ms) => void waits.push(ms),
      random: () => 0.5,
    });
    expect(outcome).toMatchObject({ kind: "failed", reason: "unreachable", httpStatus: null, codes: null });
    expect(secretKeys).toHaveLength(3);
    expect(new Set(secretKeys).size).toBe(3);
    expect(waits).toEqual([200, 400]);
  });

  it("stops retrying when the next wait would pass the timeout", async () => {
    const port = await closedPort();
    let attempts = 0;
    const counting: typeof fetch = (input, init) => ((attempts += 1), fetch(input, init));
    const outcome = await sendTransactionOtp(request(), {
      // 450 ms: the first wait (~298 ms) fits as long as the refused connect took under ~150 ms, which a loaded CI host
      // needs (with 300 ms it had 2 ms); the second (~596 ms) never fits.
      config: { ...config(`http://127.0.0.1:${port}${SIM_BASE_PATH}`), timeoutMs: 450 },
      fetch: counting,
      sleep: async () => undefined,
      random: () => 0.99,
    });
    expect(outcome).toMatchObject({ kind: "failed", reason: "unreachable" });
    expect(attempts).toBe(2); // waits ~298 ms then ~596 ms: the second does not fit in 450 ms
  });

  it("recovers when a later attempt connects: one request reaches Eko", async () => {
    let attempts = 0;
    const refusedOnce: typeof fetch = (input, init) => {
      attempts += 1;
      if (attempts === 1) return Promise.reject(new TypeError("fetch failed", { cause: Object.assign(new Error("refused"), { code: "ECONNREFUSED" }) }));
      return fetch(input, init);
    };
    const before = sim.received.length;
    expect(await send({ fetch: refusedOnce, sleep: async () => undefined })).toMatchObject({ kind: "sent" });
    expect(attempts).toBe(2);
    expect(sim.received.length).toBe(before + 1);
  });

  it("a fault that reached the simulator is never retried", async () => {
    await setFault({ mode: "reset" });
    let attempts = 0;
    const counting: typeof fetch = (input, init) => ((attempts += 1), fetch(input, init));
    expect(await send({ fetch: counting })).toMatchObject({ kind: "unknown", reason: "connection-lost" });
    expect(attempts).toBe(1);
  });
});
