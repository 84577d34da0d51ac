import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** One request a receiver got. */
export type Received = { method: string; path: string; query: URLSearchParams; headers: http.IncomingHttpHeaders; body: string; json: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * An HTTP receiver on 127.0.0.1 that records every request. `answer` decides the reply
 * per request (default 200 with a robot's `{"errcode":0}`); `count` is how many requests
 * that path has had, this one included.
 */
export async function startReceiver(answer?: (r: Received, count: number) => { status: number; body: string } | undefined) {
  const got: Received[] = [];
  const counts = new Map<string, number>();
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://receiver");
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {
        /* not JSON */
      }
      const r: Received = { method: req.method ?? "", path: url.pathname, query: url.searchParams, headers: req.headers, body, json };
      got.push(r);
      const n = (counts.get(url.pathname) ?? 0) + 1;
      counts.set(url.pathname, n);
      const reply = answer?.(r, n) ?? { status: 200, body: '{"errcode":0,"errmsg":"ok","code":0}' };
      res.writeHead(reply.status, { "content-type": "application/json" });
      res.end(reply.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, got, close: () => new Promise<void>((r) => server.close(() => r())) };
}

export type Mail = { from: string; to: string[]; auth: { username: string; password: string } | null; raw: string; text: string };

/** An SMTP server on 127.0.0.1 (no TLS, AUTH PLAIN/LOGIN accepted) that keeps every message. */
export async function startSmtpSink() {
  const got: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, session, callback) {
      callback(null, { user: { username: auth.username, password: auth.password } });
    },
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
      stream.on("end", () => {
        got.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          auth: (session.user as Mail["auth"]) ?? null,
          raw,
          text: decodeMime(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.server.address() as AddressInfo).port;
  return { port, got, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A message's headers (encoded words decoded) and every text part decoded, for searching. */
export function decodeMime(raw: string): string {
  const out: string[] = [];
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  out.push(
    head.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
      enc.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : qp(data.replace(/_/g, " ")),
    ),
  );
  const body = rest.join("\n\n");
  for (const part of body.split(/\r?\n--[^\r\n]+/)) {
    const [partHead = "", ...partBody] = part.split(/\r?\n\r?\n/);
    const content = partBody.join("\n\n");
    if (/content-transfer-encoding:\s*base64/i.test(partHead)) out.push(Buffer.from(content.replace(/\s+/g, ""), "base64").toString("utf8"));
    else if (/content-transfer-encoding:\s*quoted-printable/i.test(partHead)) out.push(qp(content));
    else out.push(part);
  }
  return out.join("\n");
}

function qp(text: string): string {
  const bytes: number[] = [];
  const soft = text.replace(/=\r?\n/g, "");
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === "=" && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i]!, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** The signatures as DingTalk's and Feishu's robots check them, computed here from their docs. */
export const expectedDingtalkSign = (secret: string, timestamp: string) =>
  crypto.createHmac("sha256", secret).update(`${timestamp}\n${secret}`, "utf8").digest("base64");
export const expectedFeishuSign = (secret: string, timestamp: string) =>
  crypto.createHmac("sha256", `${timestamp}\n${secret}`).update(Buffer.alloc(0)).digest("base64");
