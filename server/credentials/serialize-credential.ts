import { ENCRYPTED } from "@/lib/catalog/catalog-records";
import type { CredentialRow } from "./credential-row";

const mask = (secret: string): string => (secret ? ENCRYPTED : "");

/** Secrets are write-only: a response only tells whether each is set. */
export function serializeCredential(r: CredentialRow) {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    username: r.username,
    password: mask(r.password),
    ssh_key: mask(r.sshKey),
    become_method: r.becomeMethod,
    become_user: r.becomeUser,
    become_password: mask(r.becomePassword),
    ctime: r.ctime,
  };
}

export type CredentialRecord = ReturnType<typeof serializeCredential>;
