import type { Db } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { parseFields, type FieldSource } from "@/lib/drf/serializer";
import { integer, string } from "@/lib/drf/fields";
import { nowSeconds } from "@/lib/time";
import { assertValid } from "@/core/errors";
import { randomHex, sha256Hex } from "../auth/random-secret";

const TOKEN_FIELDS = {
  name: { ...string({ maxLength: 100, allowBlank: false }), required: true },
  /** days until it stops working; absent or null: never */
  expires_in_days: integer({ min: 1, max: 3650, nullable: true }),
};

export type NewToken = { id: number; name: string; key: string; key_prefix: string; created_at: number; expires_at: number | null };

/** A new token for a user: the key is returned this once; only its SHA-256 is stored. */
export async function createToken(db: Db, userId: number, input: { name: string; expiresInDays?: number | null }): Promise<NewToken> {
  const key = randomHex(20);
  const now = nowSeconds();
  const expiresAt = input.expiresInDays ? now + input.expiresInDays * 86400 : null;
  const [row] = await db
    .insert(apiTokens)
    .values({ userId, name: input.name, keyHash: sha256Hex(key), keyPrefix: key.slice(0, 6), createdAt: now, expiresAt })
    .returning({ id: apiTokens.id });
  return { id: row!.id, name: input.name, key, key_prefix: key.slice(0, 6), created_at: now, expires_at: expiresAt };
}

/** The API's POST: `name` and optional `expires_in_days`, validated like a serializer. */
export async function createTokenFromRequest(db: Db, userId: number, source: FieldSource): Promise<NewToken> {
  const { values, errors } = parseFields(TOKEN_FIELDS, source);
  assertValid(errors);
  return createToken(db, userId, { name: values.name!, expiresInDays: values.expires_in_days });
}
