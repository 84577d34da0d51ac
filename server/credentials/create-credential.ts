import type { Db } from "@/db/client";
import { credentials } from "@/db/schema";
import { parseFields, type FieldSource } from "@/lib/drf/serializer";
import { nowSeconds } from "@/lib/time";
import { assertValid } from "../http/errors";
import { CREDENTIAL_FIELDS } from "./credential-fields";
import { credentialColumns, type CredentialRow } from "./credential-row";

export async function createCredential(db: Db, source: FieldSource): Promise<CredentialRow> {
  const { values, errors } = parseFields(CREDENTIAL_FIELDS, source);
  const columns = credentialColumns(values, errors);
  assertValid(errors);
  const [created] = await db
    .insert(credentials)
    .values({ ...columns, name: columns.name!, ctime: nowSeconds() })
    .returning();
  return created;
}
