import http from "node:http";
import https from "node:https";
import type { TLSSocket } from "node:tls";

// request headers this server process writes itself, overwriting any a client sent
const PEER_ADDRESS = "x-zuoye-peer-address";
const PEER_PROTO = "x-zuoye-peer-proto";
/** response header naming the launcher's web process that answered (`web-2`), nothing more */
const SERVED_BY = "x-served-by";
const INSTALLED = Symbol.for("zuoye.peerHeaders");
const LABEL = Symbol.for("zuoye.servedBy");
type Holder = { [INSTALLED]?: boolean; [LABEL]?: string };

/**
 * Route handlers get a Request, never the socket, and `next start` fills X-Forwarded-For
 * from the socket only when the client sent none, so a client can write the address a
 * handler sees. Called once at server start (instrumentation), this stamps every request
 * the process's HTTP servers receive with the socket's address and scheme.
 */
export function recordPeers(): void {
  const g = globalThis as Holder;
  if (g[INSTALLED]) return;
  for (const proto of [http.Server.prototype, https.Server.prototype]) {
    const emit = proto.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
    proto.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") stamp(args[0] as http.IncomingMessage, args[1] as http.ServerResponse);
      return emit.call(this, event, ...args);
    } as typeof proto.emit;
  }
  g[INSTALLED] = true;
}

function stamp(req: http.IncomingMessage, res: http.ServerResponse): void {
  req.headers[PEER_ADDRESS] = req.socket?.remoteAddress ?? "";
  req.headers[PEER_PROTO] = (req.socket as TLSSocket | undefined)?.encrypted ? "https" : "http";
  const label = (globalThis as Holder)[LABEL];
  if (label) res.setHeader(SERVED_BY, label);
}

/** Under the launcher, every answer says which of the machine's web processes gave it (`web-2`). */
export function labelResponses(label: string): void {
  (globalThis as Holder)[LABEL] = label;
}

/** The socket's address and scheme, when this process stamps its requests (not in-process tests). */
export function readPeer(request: Request): { address: string; proto: "http" | "https" } | undefined {
  if (!(globalThis as Holder)[INSTALLED]) return undefined;
  return {
    address: request.headers.get(PEER_ADDRESS) ?? "",
    proto: request.headers.get(PEER_PROTO) === "https" ? "https" : "http",
  };
}
