import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { parseFields, type FieldSource } from "@/lib/drf/serializer";
import { string } from "@/lib/drf/fields";
import { nowSeconds } from "@/lib/time";
import type { CurrentUser } from "../auth/current-user";
import { authMessages } from "../auth/messages";
import { hashPassword, verifyPassword } from "../auth/passwords";
import { assertValid, ValidationError } from "@/core/errors";
import { passwordProblems } from "./password-rules";
import { revokeAccess } from "./revoke-access";
import { releaseAttempt, reserveAttempt } from "../auth/login-throttle";

const FIELDS = {
  old_password: { ...string({ maxLength: 1024, allowBlank: false, trim: false }), required: true },
  new_password: { ...string({ maxLength: 1024, allowBlank: false, trim: false }), required: true },
};

/**
 * A user changes their own password: the old one must match; their other sessions end
 * (their API tokens stay: the account page revokes those, one or all).
 */
export async function changeOwnPassword(db: Db, user: CurrentUser, source: FieldSource, address: string): Promise<void> {
  const { values, errors } = parseFields(FIELDS, source);
  assertValid(errors);
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  // guessing the old password is rate-limited like a login (counted until it proves right)
  await reserveAttempt(db, user.username, address);
  if (!(await verifyPassword(row?.hash, values.old_password!))) throw new ValidationError({ old_password: [authMessages.wrongOldPassword] });
  await releaseAttempt(db, user.username, address);
  const problems = passwordProblems(values.new_password!, user);
  if (problems.length) throw new ValidationError({ new_password: problems });
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(values.new_password!), passwordChangedAt: nowSeconds() })
      .where(eq(users.id, user.id));
    await revokeAccess(tx, user.id, { tokens: false, keepSessionIdHash: user.sessionIdHash });
  });
}
