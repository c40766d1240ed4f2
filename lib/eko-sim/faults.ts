import { z } from "zod";
import type { EkoShapes } from "./fixtures";
import type { SimAnswer } from "./scenarios";

/** Upstream faults the simulator can be switched into, for tests and demos (`POST /__sim/fault`, `SIM_FAULT`). */
export const FAULT_MODES = [
  "slow",
  "no-answer",
  "http-500",
  "html-502",
  "malformed-json",
  "reset",
  "http-403",
  "wrong-content-type",
  "empty-body",
] as const;

export type FaultMode = (typeof FAULT_MODES)[number];

/** What is switched on: `remaining` counts the requests still to fault, null for until switched off. */
export type FaultState = { mode: FaultMode; remaining: number | null } | { mode: "off" };

export const faultRequestSchema = z.object({
  mode: z.enum([...FAULT_MODES, "off"]),
  times: z.number().int().positive().optional(),
  /** Only requests for this customer mobile: tests running side by side then cannot catch each other's fault. */
  customer_id: z
    .string()
    .regex(/^\d{10}$/)
    .optional(),
});

export type FaultSwitch = {
  /** The switch for one customer's requests when `customer` is given, else the one for every request. */
  current: (customer?: string) => FaultState;
  set: (mode: FaultMode | "off", times?: number, customer?: string) => FaultState;
  /** The mode for the next signed, valid request for `customer`, counting `times` down; undefined when off. */
  take: (customer: string) => FaultMode | undefined;
};

export function isFaultMode(value: string): value is FaultMode {
  return (FAULT_MODES as readonly string[]).includes(value);
}

const OFF: FaultState = { mode: "off" };
type FaultOn = Exclude<FaultState, { mode: "off" }>;

/**
 * One switch for every request (SIM_FAULT, or a fault set without a customer) and one per customer. A customer's own
 * switch goes first; switching one off leaves the others as they are.
 */
export function createFaultSwitch(initial?: FaultMode): FaultSwitch {
  let everyone: FaultState = initial ? { mode: initial, remaining: null } : OFF;
  const perCustomer = new Map<string, FaultOn>();
  const countDown = (state: FaultOn): FaultState =>
    state.remaining === null ? state : state.remaining <= 1 ? OFF : { mode: state.mode, remaining: state.remaining - 1 };
  return {
    current: (customer) => (customer === undefined ? everyone : (perCustomer.get(customer) ?? OFF)),
    set: (mode, times, customer) => {
      const state: FaultState = mode === "off" ? OFF : { mode, remaining: times ?? null };
      if (customer === undefined) everyone = state;
      else if (state.mode === "off") perCustomer.delete(customer);
      else perCustomer.set(customer, state);
      return state;
    },
    take: (customer) => {
      const own = perCustomer.get(customer);
      if (own) {
        const next = countDown(own);
        if (next.mode === "off") perCustomer.delete(customer);
        else perCustomer.set(customer, next);
        return own.mode;
      }
      if (everyone.mode === "off") return undefined;
      const mode = everyone.mode;
      everyone = countDown(everyone);
      return mode;
    },
  };
}

const GATEWAY_502 =
  "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
const TRUNCATED_JSON = '{"status": 2133, "response_status_id": 1, "data": {"otp_ref_id": "zCIS';

/** The answer each fault gives (`slow` ends in Eko's normal success, after `slowMs`). */
export function faultAnswer(mode: FaultMode, shapes: EkoShapes, slowMs: number): SimAnswer {
  switch (mode) {
    case "slow":
      return { type: "slow", delayMs: slowMs };
    case "no-answer":
      return { type: "hang" };
    case "http-500":
      return { type: "raw", httpStatus: 500, contentType: "text/plain; charset=utf-8", text: "Internal Server Error" };
    case "html-502":
      return { type: "raw", httpStatus: 502, contentType: "text/html; charset=utf-8", text: GATEWAY_502 };
    case "malformed-json":
      return { type: "raw", httpStatus: 200, contentType: "application/json", text: TRUNCATED_JSON };
    case "reset":
      return { type: "reset", partial: TRUNCATED_JSON };
    case "http-403":
      return { type: "json", httpStatus: 403, body: shapes.forbidden };
    case "wrong-content-type":
      return { type: "raw", httpStatus: 200, contentType: "text/html; charset=utf-8", text: "<html><body><h1>Welcome</h1></body></html>" };
    case "empty-body":
      return { type: "raw", httpStatus: 200, contentType: "application/json", text: "" };
  }
}
