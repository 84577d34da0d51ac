import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { parseFields, type FieldSource } from "@/lib/drf/serializer";
import { nowSeconds } from "@/lib/time";
import type { CurrentUser } from "../auth/current-user";
import { authMessages } from "../auth/messages";
import { hashPassword } from "../auth/passwords";
import { Conflict, NotFound, assertValid } from "@/core/errors";
import { passwordProblems } from "./password-rules";
import { revokeAccess } from "./revoke-access";
import { USER_FIELDS, type UserRow } from "./user-fields";

const { username: _username, ...EDITABLE } = USER_FIELDS;

/**
 * An admin's change to a user: display name, role, active flag, a new password. The
 * user name is fixed. The last active admin cannot be demoted or deactivated, nor can an
 * admin deactivate themself. A deactivation or a password reset ends the user's sessions
 * and revokes their API tokens: whoever held them must log in again with the new password.
 */
export async function updateUser(db: Db, actor: CurrentUser, id: number, source: FieldSource): Promise<UserRow> {
  return db.transaction(async (tx) => {
    // serialises admin changes, so two demotions cannot both pass the last-admin check
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('zuoye:users'))`);
    const [user] = await tx.select().from(users).where(eq(users.id, id));
    if (!user) throw new NotFound();
    const { values, errors } = parseFields(EDITABLE, source, { partial: true });
    if (values.password != null && !errors.password) {
      const displayName = values.display_name != null ? values.display_name || user.username : user.displayName;
      const problems = passwordProblems(values.password, { username: user.username, displayName });
      if (problems.length) errors.password = problems;
    }
    assertValid(errors);
    const role = values.role ?? user.role;
    const isActive = values.is_active ?? user.isActive;
    if (id === actor.id && !isActive) throw new Conflict(authMessages.selfDeactivate);
    if (user.role === "admin" && user.isActive && (role !== "admin" || !isActive)) {
      const [{ n } = { n: 0 }] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(and(eq(users.role, "admin"), eq(users.isActive, true), ne(users.id, id)));
      if (n === 0) throw new Conflict(authMessages.lastAdmin);
    }
    const set: Partial<typeof users.$inferInsert> = { role, isActive };
    if (values.display_name != null) set.displayName = values.display_name || user.username;
    if (values.password != null) {
      set.passwordHash = await hashPassword(values.password);
      set.passwordChangedAt = nowSeconds();
    }
    const [row] = await tx.update(users).set(set).where(eq(users.id, id)).returning();
    if (!row) throw new NotFound();
    if (!isActive || values.password != null) await revokeAccess(tx, id, { tokens: true });
    return row;
  });
}
