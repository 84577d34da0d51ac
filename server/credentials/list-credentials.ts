import { sql, type AnyColumn } from "drizzle-orm";
import type { Db } from "@/db/client";
import { credentials } from "@/db/schema";
import { listResource } from "../resources/list-resource";
import { CREDENTIAL_LIST } from "./credential-fields";

const isSet = (secret: AnyColumn) => sql<boolean>`${secret} <> ''`;

/** The list reads no ciphertext: of each secret only whether it is set. */
const LISTED = {
  id: credentials.id,
  name: credentials.name,
  description: credentials.description,
  username: credentials.username,
  becomeMethod: credentials.becomeMethod,
  becomeUser: credentials.becomeUser,
  ctime: credentials.ctime,
  hasPassword: isSet(credentials.password),
  hasSshKey: isSet(credentials.sshKey),
  hasBecomePassword: isSet(credentials.becomePassword),
};

export async function listCredentials(db: Db, url: URL) {
  return listResource(db, credentials, CREDENTIAL_LIST, (d) => d.select(LISTED).from(credentials).$dynamic(), url);
}
