import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../config";

const PREFIX = "$aes256gcm$v1$";

export type SecretBox = {
  /** "" stays "" (no secret); anything else becomes `$aes256gcm$v1$<base64 iv|tag|ciphertext>` */
  seal: (plain: string) => string;
  /** the plain text; a value stored before encryption existed is returned as it is */
  open: (stored: string) => string;
};

const boxes = new Map<string, SecretBox>();

/**
 * Credential secrets at rest: AES-256-GCM under a key derived from SECRET_KEY, or else a
 * random key kept in `DATA_DIR/secret.key` (0600, created on first use). Processes on
 * several machines sharing one PostgreSQL must share SECRET_KEY.
 */
export function secretBox(config: Pick<Config, "secretKey" | "dataDir">): SecretBox {
  const id = config.secretKey ? `env:${config.secretKey}` : `file:${config.dataDir}`;
  let box = boxes.get(id);
  if (!box) {
    box = makeBox(masterKey(config));
    boxes.set(id, box);
  }
  return box;
}

/**
 * A key for another purpose (e.g. sealing session cookies), derived from the same master
 * key with HKDF so that the credential key itself is never used twice.
 */
export function derivedKey(config: Pick<Config, "secretKey" | "dataDir">, purpose: string): string {
  return Buffer.from(crypto.hkdfSync("sha256", masterKey(config), Buffer.alloc(0), `zuoye:${purpose}`, 32)).toString("base64url");
}

function masterKey(config: Pick<Config, "secretKey" | "dataDir">): Buffer {
  return config.secretKey ? crypto.createHash("sha256").update(config.secretKey, "utf8").digest() : keyFile(config.dataDir);
}

function keyFile(dataDir: string): Buffer {
  const file = path.join(dataDir, "secret.key");
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64") + "\n", { mode: 0o600, flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  const key = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
  return key;
}

function makeBox(key: Buffer): SecretBox {
  return {
    seal(plain) {
      if (plain === "") return "";
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
      const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64");
    },
    open(stored) {
      if (!stored.startsWith(PREFIX)) return stored;
      const raw = Buffer.from(stored.slice(PREFIX.length), "base64");
      const decipher = crypto.createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    },
  };
}
