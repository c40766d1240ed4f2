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
});

export type FaultSwitch = {
  current: () => FaultState;
  set: (mode: FaultMode | "off", times?: number) => FaultState;
  /** The mode for the next signed, valid request, counting `times` down; undefined when off. */
  take: () => FaultMode | undefined;
};

export function isFaultMode(value: string): value is FaultMode {
  return (FAULT_MODES as readonly string[]).includes(value);
}

export function createFaultSwitch(initial?: FaultMode): FaultSwitch {
  let state: FaultState = initial ? { mode: initial, remaining: null } : { mode: "off" };
  return {
    current: () => state,
    set: (mode, times) => {
      state = mode === "off" ? { mode } : { mode, remaining: times ?? null };
      return state;
    },
    take: () => {
      if (state.mode === "off") return undefined;
      const { mode, remaining } = state;
      if (remaining !== null) state = remaining <= 1 ? { mode: "off" } : { mode, remaining: remaining - 1 };
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
