import crypto from "node:crypto";

/**
 * DingTalk robot "加签": HMAC-SHA256 of `timestamp\nsecret` keyed by the secret, base64,
 * appended to the webhook URL as `&timestamp=<ms>&sign=<url-encoded>`.
 */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return crypto.createHmac("sha256", secret).update(`${timestampMs}\n${secret}`).digest("base64");
}

export function dingtalkSignedUrl(url: string, secret: string, timestampMs: number): string {
  const u = new URL(url);
  u.searchParams.set("timestamp", String(timestampMs));
  u.searchParams.set("sign", dingtalkSign(secret, timestampMs));
  return u.toString();
}

/** Feishu/Lark robot "签名校验": HMAC-SHA256 keyed by `timestamp\nsecret` of an empty message, base64; `timestamp` in seconds. */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return crypto.createHmac("sha256", `${timestampSeconds}\n${secret}`).update("").digest("base64");
}

/** The generic webhook's `X-Zuoye-Signature`: `sha256=<hex HMAC of the body>`, as GitHub signs its webhooks. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${crypto.createHmac("sha256", secret).update(body).digest("hex")}`;
}
