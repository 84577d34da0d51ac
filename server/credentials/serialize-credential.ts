import { ENCRYPTED } from "@/lib/catalog/catalog-records";
import type { CredentialRow } from "./credential-row";

/** A credential without its secrets, saying only whether each is set: what a list reads. */
export type CredentialView = Omit<CredentialRow, "password" | "sshKey" | "becomePassword"> & {
  hasPassword: boolean;
  hasSshKey: boolean;
  hasBecomePassword: boolean;
};

const mask = (isSet: boolean): string => (isSet ? ENCRYPTED : "");

/** Secrets are write-only: a response only tells whether each is set. */
export function serializeCredential(row: CredentialRow | CredentialView) {
  const r = "password" in row ? withoutSecrets(row) : row;
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    username: r.username,
    password: mask(r.hasPassword),
    ssh_key: mask(r.hasSshKey),
    become_method: r.becomeMethod,
    become_user: r.becomeUser,
    become_password: mask(r.hasBecomePassword),
    ctime: r.ctime,
  };
}

function withoutSecrets({ password, sshKey, becomePassword, ...rest }: CredentialRow): CredentialView {
  return { ...rest, hasPassword: Boolean(password), hasSshKey: Boolean(sshKey), hasBecomePassword: Boolean(becomePassword) };
}

export type CredentialRecord = ReturnType<typeof serializeCredential>;
