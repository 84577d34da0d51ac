import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { credentials } from "@/db/schema";
import { firstOrNotFound } from "../resources/find-by-id";
import type { CredentialRow } from "./credential-row";

export async function getCredential(db: Db, id: number, opts: { forUpdate?: boolean } = {}): Promise<CredentialRow> {
  const q = db.select().from(credentials).where(eq(credentials.id, id));
  return firstOrNotFound(opts.forUpdate ? await q.for("update") : await q);
}
