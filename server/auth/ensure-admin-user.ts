import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Config } from "@/core/config";
import { nowSeconds } from "@/lib/time";
import { DEFAULT_TIMEZONE } from "@/lib/schedules/zone-time";
import { passwordProblems } from "../users/password-rules";
import { hashPassword, verifyPassword } from "./passwords";

/** Where the embedded demo keeps the admin password it generated (0600), for `scripts/start.sh` to print. */
export function demoPasswordFile(config: Pick<Config, "dataDir">): string {
  return path.join(config.dataDir, "admin-password");
}

/**
 * The first admin (ADMIN_USERNAME). On first start it gets ADMIN_PASSWORD; without one, the
 * embedded demo generates a password into `DATA_DIR/admin-password` (0600), removed at a
 * later start once the admin has changed it. A password set before (through the UI or
 * `npm run user:create`) is never overwritten. An ADMIN_PASSWORD that Django's validators
 * refuse stops the first start (the server exits naming it) rather than set a weak password.
 */
export async function ensureAdminUser(db: Db, config: Config): Promise<number> {
  const [row] = await db
    .insert(users)
    // a new admin reads times in the product's zone (schedules default to it too); an existing one keeps theirs
    .values({ username: config.adminUsername, displayName: config.adminDisplayName, role: "admin", ctime: nowSeconds(), timeZone: DEFAULT_TIMEZONE })
    .onConflictDoUpdate({ target: users.username, set: { displayName: config.adminDisplayName } })
    .returning({ id: users.id, passwordHash: users.passwordHash });
  if (!row) throw new Error(`user "${config.adminUsername}" was not upserted`);
  if (row.passwordHash != null) {
    await forgetChangedDemoPassword(config, row.passwordHash);
  } else {
    const password = config.adminPassword ?? (config.demoData ? demoPassword(config) : undefined);
    const problems = password ? passwordProblems(password, { username: config.adminUsername, displayName: config.adminDisplayName }) : [];
    if (problems.length) {
      const what = config.adminPassword ? "ADMIN_PASSWORD" : `the password in ${demoPasswordFile(config)}`;
      throw new Error(`${what} is refused for user "${config.adminUsername}": ${problems.join(" ")}`);
    }
    if (password) {
      await db
        .update(users)
        .set({ passwordHash: await hashPassword(password), passwordChangedAt: nowSeconds() })
        .where(eq(users.id, row.id));
    } else {
      console.warn(
        `[zuoye] user "${config.adminUsername}" has no password: set ADMIN_PASSWORD or run \`npm run user:create -- --username ${config.adminUsername} --role admin\``,
      );
    }
  }
  return row.id;
}

/** The generated password's file goes once the admin has changed it: start.sh must not print a stale one. */
async function forgetChangedDemoPassword(config: Config, hash: string): Promise<void> {
  const file = demoPasswordFile(config);
  if (!fs.existsSync(file)) return;
  if (!(await verifyPassword(hash, fs.readFileSync(file, "utf8").trim()))) fs.rmSync(file, { force: true });
}

/** 16 random characters that pass the password validators (a draw that would not is drawn again). */
export function generatePassword(owner: { username: string; displayName: string }): string {
  for (;;) {
    const password = crypto.randomBytes(12).toString("base64url");
    if (passwordProblems(password, owner).length === 0) return password;
  }
}

function demoPassword(config: Config): string {
  const file = demoPasswordFile(config);
  fs.mkdirSync(config.dataDir, { recursive: true });
  try {
    const password = generatePassword({ username: config.adminUsername, displayName: config.adminDisplayName });
    fs.writeFileSync(file, password + "\n", { mode: 0o600, flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  return fs.readFileSync(file, "utf8").trim();
}
