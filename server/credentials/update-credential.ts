import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { credentials } from "@/db/schema";
import { parseFields, type FieldSource } from "@/lib/drf/serializer";
import { assertValid } from "@/core/errors";
import { CREDENTIAL_FIELDS } from "./credential-fields";
import type { SecretBox } from "@/core/crypto/secret-box";
import { credentialColumns, sealSecrets, type CredentialRow } from "./credential-row";
import { getCredential } from "./get-credential";

/** PUT (`partial: false`: required fields must be sent) and PATCH; secrets left out are kept. */
export async function updateCredential(db: Db, box: SecretBox, id: number, source: FieldSource, opts: { partial: boolean }): Promise<CredentialRow> {
  const { values, errors } = parseFields(CREDENTIAL_FIELDS, source, opts);
  return db.transaction(async (tx) => {
    const current = await getCredential(tx, id, { forUpdate: true });
    const columns = sealSecrets(credentialColumns(values, errors), box);
    assertValid(errors);
    if (Object.keys(columns).length === 0) return current;
    const [updated] = await tx.update(credentials).set(columns).where(eq(credentials.id, id)).returning();
    return updated!;
  });
}
