import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

/**
 * The address of the connection each request came in on, as a request header only the server itself sets: Next's
 * server fills X-Forwarded-For from the socket only when the client sent none, so with no proxy of ours in front,
 * that header is whatever the client wrote.
 */
export const PEER_ADDRESS_HEADER = "x-levin-desk-peer";

let installed = false;

/** Node's published `http.server.request.start` channel runs before any request listener, Next's included. */
export function stampPeerAddress(): void {
  if (installed) return;
  installed = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    const address = socket.remoteAddress ?? "";
    // IPv4 clients on a dual-stack socket arrive as ::ffff:a.b.c.d.
    request.headers[PEER_ADDRESS_HEADER] = address.startsWith("::ffff:") ? address.slice(7) : address;
  });
}
