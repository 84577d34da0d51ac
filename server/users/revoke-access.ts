import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens, sessions } from "@/db/schema";

/**
 * Ends a user's browser sessions (except `keepSessionIdHash`, the caller's own) and, with
 * `tokens`, deletes their API tokens: what a password reset, a deactivation and the
 * user's own password change take away.
 */
export async function revokeAccess(db: Db, userId: number, opts: { tokens: boolean; keepSessionIdHash?: string }): Promise<void> {
  const keep = opts.keepSessionIdHash ? ne(sessions.idHash, opts.keepSessionIdHash) : undefined;
  await db.delete(sessions).where(and(eq(sessions.userId, userId), keep));
  if (opts.tokens) await db.delete(apiTokens).where(eq(apiTokens.userId, userId));
}
