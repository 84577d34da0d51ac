import crypto from "node:crypto";

/** A random secret as hex: 20 bytes give DRF's 40-character token keys. */
export function randomHex(bytes = 20): string {
  return crypto.randomBytes(bytes).toString("hex");
}

/** What is stored instead of a session id or token key (both are random, so a fast hash suffices). */
export function sha256Hex(value: string): string {
  return crypto.createHash("sha256").update(value, "utf8").digest("hex");
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
