import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { parseFields, type FieldSource } from "@/lib/drf/serializer";
import { string } from "@/lib/drf/fields";
import { nowSeconds } from "@/lib/time";
import { assertValid, ValidationError } from "@/core/errors";
import { authMessages } from "./messages";
import { verifyPassword } from "./passwords";
import { recordSuccess, reserveAttempt } from "./login-throttle";

const LOGIN_FIELDS = {
  username: { ...string({ maxLength: 150, allowBlank: false }), required: true },
  password: { ...string({ maxLength: 1024, allowBlank: false, trim: false }), required: true },
};

export type LoggedInUser = typeof users.$inferSelect;

/**
 * DRF's AuthTokenSerializer: `username` and `password` required; an unknown user, a wrong
 * password and an inactive user all get the same 400 `non_field_errors`, after the same
 * work. Failures are rate-limited per user and address (429).
 */
export async function checkCredentials(db: Db, source: FieldSource, address: string): Promise<LoggedInUser> {
  const { values, errors } = parseFields(LOGIN_FIELDS, source);
  assertValid(errors);
  const username = values.username!;
  const password = values.password!;
  // counted as a failure until the password proves right
  await reserveAttempt(db, username, address);
  const [user] = await db.select().from(users).where(eq(users.username, username));
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!ok || !user?.isActive) throw new ValidationError({ non_field_errors: [authMessages.badCredentials] });
  await recordSuccess(db, username, address);
  await db.update(users).set({ lastLoginAt: nowSeconds() }).where(eq(users.id, user.id));
  return user;
}
