import { toCredentialRecord, type CredentialRecord } from "@/lib/contracts/credential";
import type { CredentialRow } from "./credential-row";

/** A credential without its secrets, saying only whether each is set: what a list reads. */
export type CredentialView = Omit<CredentialRow, "password" | "sshKey" | "becomePassword"> & {
  hasPassword: boolean;
  hasSshKey: boolean;
  hasBecomePassword: boolean;
};

/** Secrets are write-only: a response only tells whether each is set. */
export function serializeCredential(row: CredentialRow | CredentialView): CredentialRecord {
  return toCredentialRecord("password" in row ? withoutSecrets(row) : row);
}

function withoutSecrets({ password, sshKey, becomePassword, ...rest }: CredentialRow): CredentialView {
  return { ...rest, hasPassword: Boolean(password), hasSshKey: Boolean(sshKey), hasBecomePassword: Boolean(becomePassword) };
}

export type { CredentialRecord };
