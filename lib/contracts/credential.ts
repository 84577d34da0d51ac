import { z } from "zod";
import { choice, string } from "../drf/fields";
import { MAX } from "../jobs/limits";
import { DESCRIPTION_FIELD, NAME_FIELD } from "./common-fields";
import { inputSpec, keysWith, recordSchema, serializer, type Contract } from "./define";

/** What a response shows for a secret that is set; sent back, the stored value is kept. */
export const ENCRYPTED = "$encrypted$";

/** Ansible's become methods, as the credential API accepts them. */
export const BECOME_METHODS = ["sudo", "su", "pbrun", "pfexec", "doas", "dzdo", "ksu", "runas", "machinectl"] as const;

/** A secret is write-only: the record says only whether it is set; sent back as "$encrypted$", it is kept. */
const secret = (maxLength: number) =>
  ({ output: z.string(), input: string({ maxLength }), encode: (isSet: boolean) => (isSet ? ENCRYPTED : ""), update: true, writeOnly: true }) as const;

/**
 * The credential record, in its key order. Columns are those of a credential read
 * without its secrets (`has*`: whether each is set); secrets are never orderable,
 * sorting by them would leak their order.
 */
export const CREDENTIAL_FIELDS = {
  id: { output: z.number().int(), column: "id", orderable: true },
  name: { output: z.string(), column: "name", input: NAME_FIELD, update: true, orderable: true, searchable: true, filter: "exact" },
  description: { output: z.string(), column: "description", input: DESCRIPTION_FIELD, update: true, orderable: true, searchable: true },
  username: { output: z.string(), column: "username", input: string({ maxLength: 256 }), update: true, orderable: true },
  password: { ...secret(MAX.short), column: "hasPassword" },
  ssh_key: { ...secret(MAX.arguments), column: "hasSshKey" },
  become_method: { output: z.string(), column: "becomeMethod", input: choice(BECOME_METHODS), update: true, orderable: true },
  become_user: { output: z.string(), column: "becomeUser", input: string({ maxLength: 256 }), update: true, orderable: true },
  become_password: { ...secret(MAX.short), column: "hasBecomePassword" },
  ctime: { output: z.number(), column: "ctime", orderable: true },
} as const satisfies Contract;

export const CREDENTIAL_INPUT_FIELDS = inputSpec(CREDENTIAL_FIELDS, keysWith(CREDENTIAL_FIELDS, "input"));

/** The credential record, as the web UI reads it. */
export const CredentialRecord = recordSchema(CREDENTIAL_FIELDS);
export type CredentialRecord = z.infer<typeof CredentialRecord>;

export const toCredentialRecord: (row: Record<string, unknown>) => CredentialRecord = serializer(CREDENTIAL_FIELDS);
