import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { sendAnswer } from "./answer";
import { handleControl, type ReceivedRequest } from "./control";
import { createFaultSwitch, faultAnswer, type FaultMode, type FaultSwitch } from "./faults";
import { loadEkoShapes, type EkoBody } from "./fixtures";
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
};

export type Simulator = {
  server: Server;
  received: ReceivedRequest[];
  faults: FaultSwitch;
  listen: (port: number, host?: string) => Promise<number>;
  close: () => Promise<void>;
};

/** A fresh opaque reference in the sample's style: base64 with + / and =. */
function newOtpRefId(): string {
  return randomBytes(56).toString("base64");
}

export function createEkoSimulator(options: SimulatorOptions): Simulator {
  const shapes = loadEkoShapes();
  const now = options.now ?? Date.now;
  const received: ReceivedRequest[] = [];
  const usedClientRefIds = new Set<string>();
  const faults = createFaultSwitch(options.fault);

  function success(): EkoBody {
    const body = structuredClone(shapes.sendOtpSuccess);
    return { ...body, data: { ...(body.data as EkoBody), otp_ref_id: newOtpRefId() } };
  }

  function reply(res: ServerResponse, entry: ReceivedRequest, httpStatus: number, body: unknown) {
    entry.reply = { httpStatus, body };
    sendJson(res, httpStatus, body);
  }

  function answer(res: ServerResponse, entry: ReceivedRequest, a: SimAnswer) {
    sendAnswer(res, a, (httpStatus, body) => reply(res, entry, httpStatus, body), success);
  }

  async function handleOtp(req: IncomingMessage, res: ServerResponse, entry: ReceivedRequest) {
    const verdict = verifyEkoSignature(
      { developerKey: header(req, "developer_key"), timestamp: header(req, "secret-key-timestamp"), secretKey: header(req, "secret-key") },
      options,
      now(),
    );
    if (!verdict.ok) {
      entry.verdict = `403: ${verdict.why}`;
      return reply(res, entry, 403, shapes.forbidden);
    }
    if (!header(req, "content-type")?.toLowerCase().startsWith("application/json")) {
      entry.verdict = "415: content-type";
      return sendJson(res, 415, { status: 1, message: "Unsupported Media Type" });
    }
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
    const fault = faults.take(body.customer_id);
    if (fault) {
      entry.verdict = `fault: ${fault}`;
      return answer(res, entry, faultAnswer(fault, shapes, options.slowMs));
    }
    const scenario = scenarioFor(body.recipient_id);
    entry.verdict = scenario ? `scenario: ${scenario.name}` : "sent";
    return answer(res, entry, scenario ? scenario.answer(shapes, options.slowMs) : { type: "json", httpStatus: 200, body: success() });
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://sim.local");
    try {
      if (url.pathname.startsWith("/__sim/")) return await handleControl(req, res, url, { enabled: options.control, received, faults });
      if (url.pathname !== OTP_PATH) return sendJson(res, 404, { status: 1, message: "Not Found" });
      if (req.method !== "POST") return sendJson(res, 405, { status: 1, message: "Method Not Allowed" });
      const text = await readBody(req);
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // kept as text: validation names it
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
      await handleOtp(req, res, entry);
    } catch (error) {
      if (!res.headersSent) sendJson(res, 400, { status: 1, message: error instanceof Error ? error.message : "Bad request" });
    }
  });

  return {
    server,
    received,
    faults,
    listen: (port, host = "127.0.0.1") =>
      new Promise((resolve) => server.listen(port, host, () => resolve((server.address() as AddressInfo).port))),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
