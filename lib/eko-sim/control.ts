import type { IncomingMessage, ServerResponse } from "node:http";
import { faultRequestSchema, type FaultSwitch } from "./faults";
import { readJson, sendJson } from "./http";
import type { SimSms } from "./ppi-levin-state";

export type ReceivedRequest = {
  at: string;
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  body: unknown;
  verdict: string;
  /** The JSON the simulator answered with, when it answered JSON: lets tests match what the desk shows. */
  reply?: { httpStatus: number; body: unknown };
};

type ControlState = { enabled: boolean; received: ReceivedRequest[]; faults: FaultSwitch; sms: SimSms[] };

/** `/__sim/*`: health always; with control on, what was received, what was "texted", and the fault switch. */
export async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL, state: ControlState) {
  if (url.pathname === "/__sim/health") return sendJson(res, 200, { ok: true });
  if (!state.enabled) return sendJson(res, 404, { message: "Not found" });
  if (url.pathname === "/__sim/fault") return handleFault(req, res, url, state.faults);
  if (url.pathname === "/__sim/sms") {
    const to = url.searchParams.get("customer_id");
    return sendJson(res, 200, to ? state.sms.filter((sms) => sms.to === to) : state.sms);
  }
  if (url.pathname !== "/__sim/requests") return sendJson(res, 404, { message: "Not found" });
  const { received } = state;
  if (req.method === "DELETE") {
    received.length = 0;
    return sendJson(res, 200, { ok: true });
  }
  const customer = url.searchParams.get("customer_id");
  const forCustomer = (r: ReceivedRequest) =>
    (r.body as { customer_id?: unknown } | null)?.customer_id === customer || r.path.includes(`/sender/${customer}/`) || r.path.endsWith(`/sender/${customer}`);
  const list = customer ? received.filter(forCustomer) : received;
  return sendJson(res, 200, list);
}

async function handleFault(req: IncomingMessage, res: ServerResponse, url: URL, faults: FaultSwitch) {
  if (req.method === "GET") return sendJson(res, 200, faults.current(url.searchParams.get("customer_id") ?? undefined));
  if (req.method !== "POST") return sendJson(res, 405, { message: "Method Not Allowed" });
  const parsed = faultRequestSchema.safeParse(await readJson(req));
  if (!parsed.success) return sendJson(res, 400, { message: "Expected { mode, times?, customer_id? }", issues: parsed.error.issues });
  return sendJson(res, 200, faults.set(parsed.data.mode, parsed.data.times, parsed.data.customer_id));
}
