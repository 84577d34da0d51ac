import type { Db } from "@/db/client";
import { credentials } from "@/db/schema";
import { listResource } from "../resources/list-resource";
import { CREDENTIAL_ORDERABLE } from "./credential-fields";

export async function listCredentials(db: Db, url: URL) {
  return listResource(db, {
    table: credentials,
    orderable: CREDENTIAL_ORDERABLE,
    name: credentials.name,
    search: [credentials.name, credentials.description],
    select: (d) => d.select().from(credentials).$dynamic(),
  }, url);
}
