import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { credentials } from "@/db/schema";
import { CREDENTIAL_FIELDS as CREDENTIAL_CONTRACT, CREDENTIAL_INPUT_FIELDS, CREDENTIAL_ORDERABLE_KEYS } from "@/lib/contracts/credential";

export const SECRET_KEYS = ["password", "ssh_key", "become_password"] as const;

export const CREDENTIAL_FIELDS = CREDENTIAL_INPUT_FIELDS;

export const credentialMessages = {
  sshKey: "SSH 私钥格式无效：应为 PEM 或 OpenSSH 私钥（-----BEGIN … PRIVATE KEY----- 到 -----END … PRIVATE KEY-----）。",
} as const;

export const CREDENTIAL_ORDERABLE: Record<string, AnyPgColumn> = Object.fromEntries(
  CREDENTIAL_ORDERABLE_KEYS.map((key) => [key, credentials[CREDENTIAL_CONTRACT[key].column as keyof typeof credentials.$inferSelect]]),
);
