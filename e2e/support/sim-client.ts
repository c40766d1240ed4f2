import type { APIRequestContext } from "@playwright/test";
import type { FaultMode, FaultState } from "../../lib/eko-sim/faults";
import { SIM_URL } from "./settings";

export type SimRequest = {
  path: string;
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

  /** The last OTP the simulator "texted" this customer for `purpose`: what they would read out at the counter. */
  async lastOtp(customerId: string, purpose: "transaction" | "sender" | "refund" | "aadhaar" = "transaction"): Promise<string> {
    const response = await this.request.get(`${SIM_URL}/__sim/sms?customer_id=${customerId}`);
    const texts = ((await response.json()) as { purpose: string; otp: string }[]).filter((sms) => sms.purpose === purpose);
    const last = texts.at(-1);
    if (!last) throw new Error(`The simulator texted no ${purpose} OTP to this customer`);
    return last.otp;
  }

  /** The Initiate Transaction calls that reached the simulator for this customer. */
  async initiateCalls(customerId: string): Promise<SimRequest[]> {
    return (await this.received(customerId)).filter((r) => r.path.endsWith("/customer/payment/ppi-levin"));
  }

  /** The Initiate Refund calls that reached the simulator for this customer's transfers (a refund names only the TID). */
  async refundCalls(customerId: string): Promise<SimRequest[]> {
    const tids = (await this.initiateCalls(customerId)).map((r) => (r.reply?.body.data as { tid?: string } | undefined)?.tid).filter(Boolean);
    const all = await this.received();
    return all.filter((r) => tids.some((tid) => r.path.endsWith(`/customer/payment/refund/${tid}`)));
  }

  async faultOff(customerId: string): Promise<void> {
    await this.fault(customerId, "off");
  }
}
