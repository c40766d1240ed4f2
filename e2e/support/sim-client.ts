import type { APIRequestContext } from "@playwright/test";
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
}
