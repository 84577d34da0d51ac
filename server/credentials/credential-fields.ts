import { credentials } from "@/db/schema";
import { choice, string } from "@/lib/drf/fields";
import { MAX } from "@/lib/jobs/limits";
import { DESCRIPTION_FIELD, NAME_FIELD } from "../resources/common-fields";

export const BECOME_METHODS = ["sudo", "su", "pbrun", "pfexec", "doas", "dzdo", "ksu", "runas", "machinectl"] as const;

/** What a response shows for a secret that is set; sent back, it keeps the stored value. */
export const ENCRYPTED = "$encrypted$";

export const SECRET_KEYS = ["password", "ssh_key", "become_password"] as const;

export const CREDENTIAL_FIELDS = {
  name: NAME_FIELD,
  description: DESCRIPTION_FIELD,
  username: string({ maxLength: 256 }),
  password: string({ maxLength: MAX.short }),
  ssh_key: string({ maxLength: MAX.arguments }),
  become_method: choice(BECOME_METHODS),
  become_user: string({ maxLength: 256 }),
  become_password: string({ maxLength: MAX.short }),
};

export const credentialMessages = {
  sshKey: "SSH 私钥格式无效：应为 PEM 或 OpenSSH 私钥（-----BEGIN … PRIVATE KEY----- 到 -----END … PRIVATE KEY-----）。",
} as const;

// secrets are not orderable: sorting by them would leak their order
export const CREDENTIAL_ORDERABLE = {
  id: credentials.id,
  name: credentials.name,
  description: credentials.description,
  username: credentials.username,
  become_method: credentials.becomeMethod,
  become_user: credentials.becomeUser,
  ctime: credentials.ctime,
};
