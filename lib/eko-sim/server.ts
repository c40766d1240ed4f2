import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { sendAnswer } from "./answer";
import { handleControl, type ReceivedRequest } from "./control";
import { createFaultSwitch, faultAnswer, type FaultMode, type FaultSwitch } from "./faults";
import { loadEkoShapes, type EkoBody } from "./fixtures";
import { handlePpiLevin } from "./ppi-levin";
import { createPpiLevinState, type SimRecipient, type SimSms } from "./ppi-levin-state";
import { header, readBody, sendJson } from "./http";
import { scenarioFor, validationError, type SimAnswer } from "./scenarios";
import { validateOtpBody } from "./validate-body";
import { verifyEkoSignature } from "./verify-signature";

export const SIM_BASE_PATH = "/ekoapi/v3";
const OTP_PATH = `${SIM_BASE_PATH}/customer/payment/ppi-levin/otp`;

export type { ReceivedRequest };

export type SimulatorOptions = {
  developerKey: string;
  accessKey: string;
  initiatorId: string;
  slowMs: number;
  /** Exposes /__sim/requests (what arrived, signatures included) and /__sim/fault for tests. Off unless asked for. */
  control: boolean;
  /** A fault switched on from the start (SIM_FAULT), until switched off. */
  fault?: FaultMode;
  /** Added before every answer to the OTP endpoint, as Eko's own latency. */
  latencyMs?: number;
  now?: () => number;
  /** Prints each OTP it "texts" (demo mode), so a person can walk the whole flow by hand. */
  printSms?: boolean;
};

export type Simulator = {
  server: Server;
  received: ReceivedRequest[];
  /** What the simulator "texted" customers, oldest first. */
  sms: SimSms[];
  faults: FaultSwitch;
  listen: (port: number, host?: string) => Promise<number>;
  close: () => Promise<void>;
};

const printSms = (sms: SimSms) =>
  console.log(`SMS to ••••••${sms.to.slice(-4)}: ${sms.otp} is your ${sms.purpose} OTP (otp_ref_id ${sms.otpRefId.slice(0, 12)}…)`);

export function createEkoSimulator(options: SimulatorOptions): Simulator {
  const shapes = loadEkoShapes();
  const now = options.now ?? Date.now;
  const received: ReceivedRequest[] = [];
  const usedClientRefIds = new Set<string>();
  const faults = createFaultSwitch(options.fault);
  const sampleRecipients = ((shapes.recipients.data as EkoBody).recipient_list ?? []) as SimRecipient[];
  const state = createPpiLevinState(sampleRecipients, now, options.printSms ? printSms : undefined);

  /** Eko's success for this request: the OTP is "texted" to the customer and kept for Initiate Transaction. */
  function otpSentFor(request: { customer_id: string; amount: number; recipient_id: number }): EkoBody {
    const otp = state.issueOtp(request.customer_id, "transaction", { amount: request.amount, recipientId: request.recipient_id });
    const body = structuredClone(shapes.sendOtpSuccess);
    return { ...body, data: { ...(body.data as EkoBody), otp_ref_id: otp.otpRefId } };
  }

  function reply(res: ServerResponse, entry: ReceivedRequest, httpStatus: number, body: unknown) {
    entry.reply = { httpStatus, body };
    sendJson(res, httpStatus, body);
  }

  function answer(res: ServerResponse, entry: ReceivedRequest, a: SimAnswer, success: () => EkoBody) {
    sendAnswer(res, a, (httpStatus, body) => reply(res, entry, httpStatus, body), success);
  }

  /** Eko's checks of every call: the signature, then a JSON body on a POST. False when it has already answered. */
  function admitted(req: IncomingMessage, res: ServerResponse, entry: ReceivedRequest): boolean {
    const verdict = verifyEkoSignature(
      { developerKey: header(req, "developer_key"), timestamp: header(req, "secret-key-timestamp"), secretKey: header(req, "secret-key") },
      options,
      now(),
    );
    if (!verdict.ok) {
      entry.verdict = `403: ${verdict.why}`;
      reply(res, entry, 403, shapes.forbidden);
      return false;
    }
    if (req.method === "POST" && !header(req, "content-type")?.toLowerCase().startsWith("application/json")) {
      entry.verdict = "415: content-type";
      sendJson(res, 415, { status: 1, message: "Unsupported Media Type" });
      return false;
    }
    return true;
  }

  // A refund names only the TID: its faults are the transaction's customer's, so tests side by side stay apart.
  function refundCustomer(path: string): string | undefined {
    const tid = /^\/customer\/payment\/refund\/([^/]+)/.exec(path)?.[1];
    return tid ? state.findTransaction(decodeURIComponent(tid))?.customer : undefined;
  }

  function handleOperation(req: IncomingMessage, res: ServerResponse, entry: ReceivedRequest, url: URL) {
    if (!admitted(req, res, entry)) return;
    const fields = (entry.body && typeof entry.body === "object" ? entry.body : {}) as EkoBody;
    if (fields.initiator_id !== options.initiatorId) {
      entry.verdict = "319: unknown initiator";
      return reply(res, entry, 200, shapes.invalidInitiator);
    }
    const path = url.pathname.slice(SIM_BASE_PATH.length);
    const customer =
      /\/sender\/([^/]+)/.exec(path)?.[1] ?? (typeof fields.customer_id === "string" ? fields.customer_id : undefined) ?? refundCustomer(path);
    const fault = faults.take(customer ?? "");
    // A slow answer is still the operation's own, done now and sent late (a transfer recorded before a timeout);
    // every other fault leaves the request undone.
    const handled =
      !fault || fault === "slow" ? handlePpiLevin(state, shapes, { method: req.method ?? "", path, body: fields, query: url.searchParams }) : null;
    if (!fault && !handled) return sendJson(res, 404, { status: 1, message: "Not Found" });
    const late = () => (handled?.answer.type === "json" ? handled.answer.body : shapes.forbidden);
    if (fault) {
      entry.verdict = `fault: ${fault}`;
      return answer(res, entry, faultAnswer(fault, shapes, options.slowMs), late);
    }
    entry.verdict = handled!.verdict;
    return answer(res, entry, handled!.answer, late);
  }

  async function handleOtp(req: IncomingMessage, res: ServerResponse, entry: ReceivedRequest) {
    if (!admitted(req, res, entry)) return;
    const checked = validateOtpBody(entry.body);
    if (!checked.ok) {
      entry.verdict = "461: invalid params";
      return reply(res, entry, 200, validationError(shapes, checked.invalidParams));
    }
    const body = checked.body;
    if (body.initiator_id !== options.initiatorId) {
      entry.verdict = "319: unknown initiator";
      return reply(res, entry, 200, shapes.invalidInitiator);
    }
    if (usedClientRefIds.has(body.client_ref_id)) {
      entry.verdict = "461: duplicate client_ref_id";
      return reply(res, entry, 200, validationError(shapes, { client_ref_id: "client_ref_id has already been used" }));
    }
    usedClientRefIds.add(body.client_ref_id);
    const success = () => otpSentFor(body);
    const fault = faults.take(body.customer_id);
    if (fault) {
      entry.verdict = `fault: ${fault}`;
      return answer(res, entry, faultAnswer(fault, shapes, options.slowMs), success);
    }
    const scenario = scenarioFor(body.recipient_id);
    entry.verdict = scenario ? `scenario: ${scenario.name}` : "sent";
    return answer(res, entry, scenario ? scenario.answer(shapes, options.slowMs) : { type: "json", httpStatus: 200, body: success() }, success);
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://sim.local");
    try {
      if (url.pathname.startsWith("/__sim/"))
        return await handleControl(req, res, url, { enabled: options.control, received, faults, sms: state.sms });
      if (!url.pathname.startsWith(`${SIM_BASE_PATH}/`)) return sendJson(res, 404, { status: 1, message: "Not Found" });
      if (url.pathname === OTP_PATH && req.method !== "POST") return sendJson(res, 405, { status: 1, message: "Method Not Allowed" });
      if (req.method !== "POST" && req.method !== "GET") return sendJson(res, 405, { status: 1, message: "Method Not Allowed" });
      let body: unknown = Object.fromEntries(url.searchParams);
      if (req.method === "POST") {
        const text = await readBody(req);
        body = text;
        try {
          body = JSON.parse(text);
        } catch {
          // kept as text: validation names it
        }
      }
      const entry: ReceivedRequest = {
        at: new Date(now()).toISOString(),
        method: req.method,
        path: url.pathname,
        headers: {
          developer_key: header(req, "developer_key"),
          "secret-key-timestamp": header(req, "secret-key-timestamp"),
          "secret-key": header(req, "secret-key"),
          "content-type": header(req, "content-type"),
        },
        body,
        verdict: "received",
      };
      received.push(entry);
      if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
      if (url.pathname === OTP_PATH) await handleOtp(req, res, entry);
      else handleOperation(req, res, entry, url);
    } catch (error) {
      if (!res.headersSent) sendJson(res, 400, { status: 1, message: error instanceof Error ? error.message : "Bad request" });
    }
  });

  return {
    server,
    received,
    sms: state.sms,
    faults,
    listen: (port, host = "127.0.0.1") => new Promise((resolve) => server.listen(port, host, () => resolve((server.address() as AddressInfo).port))),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
