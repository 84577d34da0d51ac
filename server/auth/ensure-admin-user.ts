import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Config } from "../config";
import { nowSeconds } from "@/lib/time";

/** The built-in admin every request acts as until login exists; its display name follows the config. */
export async function ensureAdminUser(db: Db, config: Config): Promise<number> {
  const [row] = await db
    .insert(users)
    .values({ username: config.adminUsername, displayName: config.adminDisplayName, role: "admin", ctime: nowSeconds() })
    .onConflictDoUpdate({ target: users.username, set: { displayName: config.adminDisplayName } })
    .returning({ id: users.id });
  return row.id;
}

export async function findUser(db: Db, id: number) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}
