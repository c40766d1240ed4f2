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

  async count(): Promise<number> {
    return (await this.received()).length;
  }

  /** Switches the simulator into a fault for the next `times` signed, valid requests (all, when omitted). */
  async fault(mode: FaultMode | "off", times?: number): Promise<FaultState> {
    const response = await this.request.post(`${SIM_URL}/__sim/fault`, { data: { mode, times } });
    if (!response.ok()) throw new Error(`The simulator refused fault ${mode}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as FaultState;
  }

  async faultOff(): Promise<void> {
    await this.fault("off");
  }
}
