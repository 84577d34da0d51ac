import { credentials } from "@/db/schema";
import { BECOME_METHODS } from "@/lib/catalog/catalog-records";
import { choice, string } from "@/lib/drf/fields";
import { MAX } from "@/lib/jobs/limits";
import { DESCRIPTION_FIELD, NAME_FIELD } from "@/lib/contracts/common-fields";

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
