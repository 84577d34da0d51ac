import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { parseFields, type FieldSource } from "@/lib/drf/serializer";
import { nowSeconds } from "@/lib/time";
import { authMessages } from "../auth/messages";
import { hashPassword } from "../auth/passwords";
import type { Role } from "../auth/roles";
import { assertValid, ValidationError } from "@/core/errors";
import { isUniqueViolation } from "./unique-violation";
import { passwordProblems } from "./password-rules";
import { USER_FIELDS, USERNAME_RE, type UserRow } from "./user-fields";

export type NewUser = { username: string; displayName?: string; role: Role; password: string | null; isActive?: boolean };

/** Inserts a user; the caller has validated the input. */
export async function insertUser(db: Db, u: NewUser): Promise<UserRow> {
  const now = nowSeconds();
  const [row] = await db
    .insert(users)
    .values({
      username: u.username,
      displayName: u.displayName || u.username,
      role: u.role,
      isActive: u.isActive ?? true,
      passwordHash: u.password == null ? null : await hashPassword(u.password),
      passwordChangedAt: u.password == null ? null : now,
      ctime: now,
    })
    .returning();
  return row!;
}

/** The admin's POST: username (unique), display name, role (viewer by default), password. */
export async function createUser(db: Db, source: FieldSource): Promise<UserRow> {
  const { values, errors } = parseFields({ ...USER_FIELDS, password: { ...USER_FIELDS.password, required: true } }, source);
  const username = values.username;
  if (username != null && !errors.username) {
    if (!USERNAME_RE.test(username)) errors.username = [authMessages.usernameInvalid];
    else if ((await db.select({ id: users.id }).from(users).where(eq(users.username, username))).length > 0) errors.username = [authMessages.usernameTaken];
  }
  if (values.password != null && !errors.password) {
    const problems = passwordProblems(values.password, { username: username ?? "", displayName: values.display_name });
    if (problems.length) errors.password = problems;
  }
  assertValid(errors);
  try {
    return await insertUser(db, {
      username: username!,
      displayName: values.display_name ?? undefined,
      role: values.role ?? "viewer",
      isActive: values.is_active ?? true,
      password: values.password!,
    });
  } catch (e) {
    // a concurrent create of the same name won the race
    if (isUniqueViolation(e)) throw new ValidationError({ username: [authMessages.usernameTaken] });
    throw e;
  }
}
