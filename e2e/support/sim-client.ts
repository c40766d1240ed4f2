import type { APIRequestContext } from "@playwright/test";
import type { FaultMode, FaultState } from "../../lib/eko-sim/faults";
import { SIM_URL } from "./settings";

export type SimRequest = {
  headers: Record<string, string | undefined>;
  body: Record<string, unknown>;
  verdict: string;
  reply?: { httpStatus: number; body: { data?: { otp_ref_id?: string } } };
};

/** Reads what the simulator received: the test's view of "what reached Eko". */
export class SimClient {
  constructor(private readonly request: APIRequestContext) {}

  async received(customerId?: string): Promise<SimRequest[]> {
    const query = customerId ? `?customer_id=${customerId}` : "";
    const response = await this.request.get(`${SIM_URL}/__sim/requests${query}`);
    return (await response.json()) as SimRequest[];
  }

  /**
   * Switches the simulator into a fault for the next `times` signed, valid requests for `customerId` (all of them, when
   * `times` is left out). Only that customer's: the suite's workers share the simulator.
   */
  async fault(customerId: string, mode: FaultMode | "off", times?: number): Promise<FaultState> {
    const response = await this.request.post(`${SIM_URL}/__sim/fault`, { data: { mode, times, customer_id: customerId } });
    if (!response.ok()) throw new Error(`The simulator refused fault ${mode}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as FaultState;
  }

  async faultOff(customerId: string): Promise<void> {
    await this.fault(customerId, "off");
  }
}
