import { credentials } from "@/db/schema";
import { CREDENTIAL_FIELDS as CREDENTIAL_CONTRACT, CREDENTIAL_INPUT_FIELDS } from "@/lib/contracts/credential";
import { listSpecOf } from "../drf/list-query";

export const SECRET_KEYS = ["password", "ssh_key", "become_password"] as const;

export const CREDENTIAL_FIELDS = CREDENTIAL_INPUT_FIELDS;

export const credentialMessages = {
  sshKey: "SSH 私钥格式无效：应为 PEM 或 OpenSSH 私钥（-----BEGIN … PRIVATE KEY----- 到 -----END … PRIVATE KEY-----）。",
} as const;

/** The credential list's filters, search and ordering, from the contract (no secret is any of them). */
export const CREDENTIAL_LIST = listSpecOf(CREDENTIAL_CONTRACT, (c) => credentials[c as keyof typeof credentials.$inferSelect]);
