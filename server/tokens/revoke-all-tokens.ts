import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens } from "@/db/schema";

/** Revokes (deletes) every API token of a user; how many there were. */
export async function revokeAllTokens(db: Db, userId: number): Promise<number> {
  const deleted = await db.delete(apiTokens).where(eq(apiTokens.userId, userId)).returning({ id: apiTokens.id });
  return deleted.length;
}
