import { createServer, request, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** A reverse proxy on 127.0.0.1 in front of app instances, as Caddy is in compose.yaml; `served` counts per instance. */
export type LocalProxy = { url: string; served: number[]; close: () => Promise<void> };

// Hop-by-hop: they describe this connection, not the request, and a proxy does not pass them on.
const HOP_BY_HOP = ["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade"];

/**
 * Sends each request to the next instance in turn. Like Caddy with no trusted proxies before it (deploy/Caddyfile),
 * it replaces X-Forwarded-For with the client's address and says the request came over https (TLS would end here),
 * so the instances run with TRUSTED_PROXY_HOPS=1 as deployed. An instance that cannot be reached is a 502.
 */
export async function startLocalProxy(upstreams: string[]): Promise<LocalProxy> {
  const served = upstreams.map(() => 0);
  let turn = 0;
  const server = createServer((incoming, outgoing) => {
    const index = turn++ % upstreams.length;
    served[index]!++;
    const headers: IncomingHttpHeaders = { ...incoming.headers };
    for (const name of HOP_BY_HOP) delete headers[name];
    Object.assign(headers, {
      "x-forwarded-for": (incoming.socket.remoteAddress ?? "").replace(/^::ffff:/, ""),
      "x-forwarded-proto": "https",
      "x-forwarded-host": incoming.headers.host,
    });
    const upstream = request(new URL(incoming.url ?? "/", upstreams[index]), { method: incoming.method, headers }, (answer) => {
      const raw = answer.rawHeaders; // name, value, name, value…: repeated Set-Cookie lines stay apart
      const kept: string[] = [];
      for (let i = 0; i < raw.length; i += 2) if (!HOP_BY_HOP.includes(raw[i]!.toLowerCase())) kept.push(raw[i]!, raw[i + 1]!);
      outgoing.writeHead(answer.statusCode ?? 502, kept);
      answer.pipe(outgoing);
    });
    upstream.on("error", () => {
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
