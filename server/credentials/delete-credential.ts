import type { Db } from "@/db/client";
import { credentials } from "@/db/schema";
import { deleteById } from "../resources/delete-by-id";

/** Templates and jobs that name the credential keep its id (their `credential_name` shows it is gone). */
export async function deleteCredential(db: Db, id: number): Promise<void> {
  await deleteById(db, credentials, credentials.id, id);
}
