import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { loadEkoShapes, type EkoBody } from "./fixtures";
import { scenarioFor, validationError, type SimAnswer } from "./scenarios";
import { validateOtpBody } from "./validate-body";
import { verifyEkoSignature } from "./verify-signature";

export const SIM_BASE_PATH = "/ekoapi/v3";
const OTP_PATH = `${SIM_BASE_PATH}/customer/payment/ppi-levin/otp`;
const MAX_BODY_BYTES = 64 * 1024;

export type SimulatorOptions = {
  developerKey: string;
  accessKey: string;
  initiatorId: string;
  slowMs: number;
  /** Exposes /__sim/requests (what arrived, signatures included) for tests. Off unless asked for. */
  control: boolean;
  now?: () => number;
};

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

export type Simulator = { server: Server; received: ReceivedRequest[]; listen: (port: number, host?: string) => Promise<number>; close: () => Promise<void> };

/** A fresh opaque reference in the sample's style: base64 with + / and =. */
function newOtpRefId(): string {
  return randomBytes(56).toString("base64");
}

function sendJson(res: ServerResponse, httpStatus: number, body: unknown) {
  res.writeHead(httpStatus, { "content-type": "application/json" }).end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error("body too large"));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export function createEkoSimulator(options: SimulatorOptions): Simulator {
  const shapes = loadEkoShapes();
  const now = options.now ?? Date.now;
  const received: ReceivedRequest[] = [];
  const usedClientRefIds = new Set<string>();

  function success(): EkoBody {
    const body = structuredClone(shapes.sendOtpSuccess);
    return { ...body, data: { ...(body.data as EkoBody), otp_ref_id: newOtpRefId() } };
  }

  function reply(res: ServerResponse, entry: ReceivedRequest, httpStatus: number, body: unknown) {
    entry.reply = { httpStatus, body };
    sendJson(res, httpStatus, body);
  }

  function answer(res: ServerResponse, entry: ReceivedRequest, a: SimAnswer) {
    if (a.type === "json") return reply(res, entry, a.httpStatus, a.body);
    if (a.type === "raw") return res.writeHead(a.httpStatus, { "content-type": a.contentType }).end(a.text);
    const timer = setTimeout(() => {
      if (!res.destroyed) reply(res, entry, 200, success());
    }, a.delayMs);
    res.on("close", () => clearTimeout(timer));
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
    const scenario = scenarioFor(body.recipient_id);
    entry.verdict = scenario ? `scenario: ${scenario.name}` : "sent";
    return answer(res, entry, scenario ? scenario.answer(shapes, options.slowMs) : { type: "json", httpStatus: 200, body: success() });
  }

  function handleControl(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (url.pathname === "/__sim/health") return sendJson(res, 200, { ok: true });
    if (!options.control || url.pathname !== "/__sim/requests") return sendJson(res, 404, { message: "Not found" });
    if (req.method === "DELETE") {
      received.length = 0;
      return sendJson(res, 200, { ok: true });
    }
    const customer = url.searchParams.get("customer_id");
    const list = customer ? received.filter((r) => (r.body as { customer_id?: unknown } | null)?.customer_id === customer) : received;
    return sendJson(res, 200, list);
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://sim.local");
    try {
      if (url.pathname.startsWith("/__sim/")) return handleControl(req, res, url);
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
      await handleOtp(req, res, entry);
    } catch (error) {
      if (!res.headersSent) sendJson(res, 400, { status: 1, message: error instanceof Error ? error.message : "Bad request" });
    }
  });

  return {
    server,
    received,
    listen: (port, host = "127.0.0.1") =>
      new Promise((resolve) => server.listen(port, host, () => resolve((server.address() as AddressInfo).port))),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
