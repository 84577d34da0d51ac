import fs from "node:fs";
import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Config } from "@/core/config";
import { nowSeconds } from "@/lib/time";
import { generatePassword } from "../auth/ensure-admin-user";
import { hashPassword } from "../auth/passwords";
import { DEMO_LOGINS } from "./catalog-data";

/** Where the demo keeps the passwords it generated for its operator and viewer (0600), for `scripts/start.sh` to print. */
export function demoLoginsFile(config: Pick<Config, "dataDir">): string {
  return path.join(config.dataDir, "demo-logins");
}

/**
 * Gives the demo's operator and viewer a generated password each, written beside the
 * admin's as `username role password` lines: a new user can try what each role may do.
 */
export async function seedDemoLogins(db: Db, config: Pick<Config, "dataDir">): Promise<void> {
  const rows = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role })
    .from(users)
    .where(inArray(users.username, DEMO_LOGINS));
  const lines: string[] = [];
  for (const u of rows) {
    const password = generatePassword(u);
    await db
      .update(users)
      .set({ passwordHash: await hashPassword(password), passwordChangedAt: nowSeconds() })
      .where(eq(users.id, u.id));
    lines.push(`${u.username} ${u.role} ${password}`);
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(demoLoginsFile(config), lines.join("\n") + "\n", { mode: 0o600 });
}
