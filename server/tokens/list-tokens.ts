import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens, users } from "@/db/schema";

export type TokenView = {
  id: number;
  user: number;
  username: string;
  name: string;
  key_prefix: string;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
};

/** A user's tokens, newest first, without their keys (which are not stored). */
export async function listTokens(db: Db, userId: number): Promise<TokenView[]> {
  return db
    .select({
      id: apiTokens.id,
      user: apiTokens.userId,
      username: users.username,
      name: apiTokens.name,
      key_prefix: apiTokens.keyPrefix,
      created_at: apiTokens.createdAt,
      expires_at: apiTokens.expiresAt,
      last_used_at: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.id));
}
