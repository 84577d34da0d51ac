import type { Db } from "@/db/client";
import { credentials } from "@/db/schema";
import { parseFields, type FieldSource } from "@/lib/drf/serializer";
import { nowSeconds } from "@/lib/time";
import { assertValid } from "@/core/errors";
import { CREDENTIAL_FIELDS } from "./credential-fields";
import type { SecretBox } from "@/core/crypto/secret-box";
import { credentialColumns, sealSecrets, type CredentialRow } from "./credential-row";

export async function createCredential(db: Db, box: SecretBox, source: FieldSource): Promise<CredentialRow> {
  const { values, errors } = parseFields(CREDENTIAL_FIELDS, source);
  const columns = sealSecrets(credentialColumns(values, errors), box);
  assertValid(errors);
  const [created] = await db
    .insert(credentials)
    .values({ ...columns, name: columns.name!, ctime: nowSeconds() })
    .returning();
  return created!;
}
