import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens } from "@/db/schema";
import type { CurrentUser } from "../auth/current-user";
import { NotFound } from "@/core/errors";

/** Revokes (deletes) a token: the owner's own, or anyone's for an admin. Another user's token is 404 to a non-admin. */
export async function revokeToken(db: Db, user: CurrentUser, id: number): Promise<void> {
  const own = user.role === "admin" ? undefined : eq(apiTokens.userId, user.id);
  const deleted = await db
    .delete(apiTokens)
    .where(and(eq(apiTokens.id, id), own))
    .returning({ id: apiTokens.id });
  if (deleted.length === 0) throw new NotFound();
}
