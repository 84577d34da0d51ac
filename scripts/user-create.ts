/**
 * npm run user:create -- --username NAME [--display-name "Fly Yao"] [--role admin|operator|viewer]
 * Creates a user, or sets the password (and role, display name when given) of an existing
 * one — the way back in for a locked-out admin; like an admin's reset in the UI, that ends
 * the user's sessions and revokes their API tokens. The password must pass the same
 * validators as everywhere else. It is read from stdin (hidden
 * prompt on a terminal, or piped: `echo "$PW" | npm run user:create -- --username x`),
 * never from the command line, where other users of the machine could see it.
 */
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { hashPassword } from "@/server/auth/passwords";
import { ROLES, type Role } from "@/server/auth/roles";
import { insertUser } from "@/server/users/create-user";
import { passwordProblems } from "@/server/users/password-rules";
import { revokeAccess } from "@/server/users/revoke-access";
import { USERNAME_RE } from "@/server/users/user-fields";
import { nowSeconds } from "@/lib/time";
import { openCliDatabase, readSecret } from "./cli-database";

async function main() {
  const { values } = parseArgs({
    options: { username: { type: "string" }, "display-name": { type: "string" }, role: { type: "string" } },
  });
  const username = values.username?.trim();
  if (!username || !USERNAME_RE.test(username)) throw new Error("--username is required (letters, digits and @/./+/-/_)");
  const role = values.role as Role | undefined;
  if (role !== undefined && !ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(", ")}`);
  const password = await readSecret(`password for ${username}: `);

  const { database } = await openCliDatabase();
  try {
    const { db } = database;
    const [existing] = await db.select().from(users).where(eq(users.username, username));
    const displayName = values["display-name"] || existing?.displayName;
    const problems = passwordProblems(password, { username, displayName });
    if (problems.length) throw new Error(problems.join(" "));
    if (existing) {
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({
            passwordHash: await hashPassword(password),
            passwordChangedAt: nowSeconds(),
            ...(role ? { role } : {}),
            ...(values["display-name"] ? { displayName: values["display-name"] } : {}),
          })
          .where(eq(users.id, existing.id));
        await revokeAccess(tx, existing.id, { tokens: true });
      });
      console.log(`[user:create] updated user ${username} (id ${existing.id}, role ${role ?? existing.role}): password set, sessions and API tokens revoked`);
    } else {
      const row = await insertUser(db, { username, displayName: values["display-name"], role: role ?? "viewer", password });
      console.log(`[user:create] created user ${username} (id ${row.id}, role ${row.role})`);
    }
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  console.error(`[user:create] ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
