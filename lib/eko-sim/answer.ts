import type { ServerResponse } from "node:http";
import type { EkoBody } from "./fixtures";
import type { SimAnswer } from "./scenarios";

/** How long a `reset` answer leaves its partial body on the wire before destroying the socket. */
const RESET_AFTER_MS = 50;

type Reply = (httpStatus: number, body: EkoBody) => void;

/** Writes one SimAnswer; `reply` sends (and records) JSON, `success` makes Eko's normal answer for the slow one. */
export function sendAnswer(res: ServerResponse, a: SimAnswer, reply: Reply, success: () => EkoBody): void {
  switch (a.type) {
    case "json":
      return reply(a.httpStatus, a.body);
    case "raw":
      res.writeHead(a.httpStatus, { "content-type": a.contentType, "content-length": String(Buffer.byteLength(a.text)) }).end(a.text);
      return;
    case "hang":
      return; // the socket stays open until the client gives up
    case "reset": {
      // Headers and half a body, promising more, then the connection drops.
      const length = String(Buffer.byteLength(a.partial) * 2);
      res.writeHead(200, { "content-type": "application/json", "content-length": length }).write(a.partial);
      const timer = setTimeout(() => res.socket?.destroy(), RESET_AFTER_MS);
      res.on("close", () => clearTimeout(timer));
      return;
    }
    case "slow": {
      const timer = setTimeout(() => {
        if (!res.destroyed) reply(200, success());
      }, a.delayMs);
      res.on("close", () => clearTimeout(timer));
      return;
    }
  }
}
