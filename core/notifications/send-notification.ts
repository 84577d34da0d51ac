import nodemailer from "nodemailer";
import type { NotificationKind } from "@/lib/contracts/notification";
import { maskSecrets } from "./mask-secrets";
import type { NotificationMessage } from "./compose-message";
import { fitting, toHtml, toMarkdown, toText, toWebhookJson } from "./render-message";
import { dingtalkSignedUrl, feishuSign, webhookSignature } from "./sign";

/** A notification's settings with its secrets opened: held only while sending. */
export type NotificationTarget = {
  name: string;
  kind: NotificationKind;
  url: string;
  secret: string;
  smtpHost: string;
  smtpPort: number;
  smtpTls: string;
  smtpUsername: string;
  smtpPassword: string;
  smtpFrom: string;
  smtpTo: string[];
};

export type SendResult = {
  ok: boolean;
  /** the HTTP status, or the SMTP reply code; null when nothing answered */
  responseCode: number | null;
  /** why it failed, every secret of the target masked; "" when it worked */
  error: string;
};

export type SendOptions = { timeoutMs?: number; now?: () => number };

const DEFAULT_TIMEOUT_MS = 10_000;
/** what an error quotes of a receiver's answer */
const MAX_ANSWER = 300;

/** Sends the message once; never throws (a failure is the result). */
export async function sendNotification(target: NotificationTarget, message: NotificationMessage, opts: SendOptions = {}): Promise<SendResult> {
  let result: SendResult;
  try {
    result = target.kind === "email" ? await sendEmail(target, message, opts) : await postJson(target, message, opts);
  } catch (e) {
    result = { ok: false, responseCode: null, error: describeError(e) };
  }
  return { ...result, error: maskSecrets(result.error, target) };
}

async function postJson(target: NotificationTarget, message: NotificationMessage, opts: SendOptions): Promise<SendResult> {
  const now = opts.now?.() ?? Date.now();
  let url = target.url;
  let payload: unknown;
  const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8", "user-agent": "zuoye-notifications/1" };
  switch (target.kind) {
    case "dingtalk":
      if (target.secret) url = dingtalkSignedUrl(url, target.secret, now);
      payload = { msgtype: "markdown", markdown: { title: message.title, text: fitting(message, toMarkdown, 18_000) } };
      break;
    case "wecom":
      payload = { msgtype: "markdown", markdown: { content: fitting(message, toMarkdown, 4_000) } };
      break;
    case "feishu": {
      const timestamp = Math.floor(now / 1000);
      payload = {
        ...(target.secret ? { timestamp: String(timestamp), sign: feishuSign(target.secret, timestamp) } : {}),
        msg_type: "interactive",
        card: feishuCard(message),
      };
      break;
    }
    default:
      payload = toWebhookJson(message, target.name);
  }
  const body = JSON.stringify(payload);
  if (target.kind === "webhook") {
    headers["x-zuoye-event"] = message.event;
    if (target.secret) headers["x-zuoye-signature"] = webhookSignature(target.secret, body);
  }
  const response = await fetch(url, {
    method: "POST",
    headers,
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS),
  });
  const answer = (await response.text()).slice(0, 64 * 1024);
  const code = response.status;
  if (code < 200 || code >= 300) return { ok: false, responseCode: code, error: `HTTP ${code}${answer ? `：${quote(answer)}` : ""}` };
  const refused = robotRefusal(target.kind, answer);
  return refused ? { ok: false, responseCode: code, error: refused } : { ok: true, responseCode: code, error: "" };
}

/** The robots answer 200 also when they refuse a message (a bad signature, a keyword missing): the code in the body says. */
function robotRefusal(kind: NotificationKind, answer: string): string | null {
  if (kind === "webhook") return null;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(answer) as Record<string, unknown>;
  } catch {
    return null;
  }
  const code = parsed.errcode ?? parsed.code ?? parsed.StatusCode;
  if (code === undefined || code === 0) return null;
  const why = parsed.errmsg ?? parsed.msg ?? parsed.StatusMessage ?? "";
  return `机器人拒绝了消息（错误码 ${String(code)}）：${quote(String(why))}`;
}

function feishuCard(m: NotificationMessage) {
  const template = m.event === "successful" ? "green" : m.event === "started" ? "blue" : m.event === "canceled" ? "grey" : "red";
  const actions = [{ tag: "button", text: { tag: "plain_text", content: "查看作业" }, type: "primary", url: m.job.url }];
  if (m.rerunFailedUrl) actions.push({ tag: "button", text: { tag: "plain_text", content: "重新执行失败的主机" }, type: "default", url: m.rerunFailedUrl });
  return {
    config: { wide_screen_mode: true },
    header: { title: { tag: "plain_text", content: m.title }, template },
    elements: [
      { tag: "div", text: { tag: "lark_md", content: fitting(m, (x) => toMarkdown(x, { heading: false }), 20_000) } },
      { tag: "action", actions },
    ],
  };
}

async function sendEmail(target: NotificationTarget, message: NotificationMessage, opts: SendOptions): Promise<SendResult> {
  const timeout = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const transport = nodemailer.createTransport({
    host: target.smtpHost,
    port: target.smtpPort,
    secure: target.smtpTls === "tls",
    requireTLS: target.smtpTls === "starttls",
    ignoreTLS: target.smtpTls === "none",
    auth: target.smtpUsername ? { user: target.smtpUsername, pass: target.smtpPassword } : undefined,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  try {
    const info = await transport.sendMail({
      from: target.smtpFrom,
      to: target.smtpTo,
      subject: message.title,
      text: toText(message),
      html: toHtml(message),
    });
    return { ok: true, responseCode: replyCode(info.response), error: "" };
  } catch (e) {
    const code = (e as { responseCode?: number }).responseCode;
    return { ok: false, responseCode: typeof code === "number" ? code : null, error: describeError(e) };
  } finally {
    transport.close();
  }
}

const replyCode = (response: string | undefined) => {
  const m = /^(\d{3})\b/.exec(response ?? "");
  return m ? Number(m[1]) : null;
};

/** A failure in one line: its message and the system's code (ECONNREFUSED, ETIMEDOUT …). */
function describeError(e: unknown): string {
  if (!(e instanceof Error)) return quote(String(e));
  if (e.name === "TimeoutError") return "超时：接收方没有及时应答。";
  const cause = e.cause as { code?: string; message?: string } | undefined;
  const detail = cause?.code ?? cause?.message;
  return quote(detail && !e.message.includes(detail) ? `${e.message}（${detail}）` : e.message);
}

const quote = (s: string) => {
  const line = s.replace(/\s+/g, " ").trim();
  return line.length > MAX_ANSWER ? `${line.slice(0, MAX_ANSWER)}…` : line;
};
