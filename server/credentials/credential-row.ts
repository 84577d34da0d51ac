import type { credentials } from "@/db/schema";
import { ENCRYPTED } from "@/lib/contracts/credential";
import { addError, type FieldErrors } from "@/lib/drf/serializer";
import type { SecretBox } from "@/core/crypto/secret-box";
import { credentialMessages } from "./credential-fields";

export type CredentialRow = typeof credentials.$inferSelect;
type CredentialInsert = typeof credentials.$inferInsert;

type CredentialValues = {
  name?: string | null;
  description?: string | null;
  username?: string | null;
  password?: string | null;
  ssh_key?: string | null;
  become_method?: string | null;
  become_user?: string | null;
  become_password?: string | null;
};

const PRIVATE_KEY = /^-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----\n[\s\S]+\n-----END ([A-Z0-9]+ )*PRIVATE KEY-----$/;

/**
 * The columns a create or update writes. A secret sent as "$encrypted$" is left as
 * stored, "" clears it. A key is stored with LF line ends and a final newline, as
 * ssh wants its key file.
 */
export function credentialColumns(v: CredentialValues, errors: FieldErrors): Partial<CredentialInsert> {
  const out: Partial<CredentialInsert> = {};
  if (v.name != null) out.name = v.name;
  if (v.description != null) out.description = v.description;
  if (v.username != null) out.username = v.username;
  if (v.become_method != null) out.becomeMethod = v.become_method;
  if (v.become_user != null) out.becomeUser = v.become_user;
  if (v.password != null && v.password !== ENCRYPTED) out.password = v.password;
  if (v.become_password != null && v.become_password !== ENCRYPTED) out.becomePassword = v.become_password;
  if (v.ssh_key != null && v.ssh_key !== ENCRYPTED) {
    const key = v.ssh_key.replace(/\r\n?/g, "\n").trim();
    if (key !== "" && !PRIVATE_KEY.test(key)) addError(errors, "ssh_key", credentialMessages.sshKey);
    out.sshKey = key === "" ? "" : `${key}\n`;
  }
  return out;
}

/** The secrets of a create or update, encrypted for storage ("" stays "": not set). */
export function sealSecrets(columns: Partial<CredentialInsert>, box: SecretBox): Partial<CredentialInsert> {
  const out = { ...columns };
  for (const key of ["password", "sshKey", "becomePassword"] as const) {
    if (typeof out[key] === "string") out[key] = box.seal(out[key]);
  }
  return out;
}
