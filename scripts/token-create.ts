/**
 * npm run token:create -- --user NAME [--name "deploy script"] [--expires-in-days 90]
 * Issues an API token for a user and prints its key on stdout (the only time it is shown;
 * only its hash is stored). Use it as `Authorization: Token <key>`.
 */
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { createToken } from "@/server/tokens/create-token";
import { openCliDatabase } from "./cli-database";

async function main() {
  const { values } = parseArgs({
    options: { user: { type: "string" }, name: { type: "string" }, "expires-in-days": { type: "string" } },
  });
  if (!values.user) throw new Error("--user is required");
  const days = values["expires-in-days"];
  if (days !== undefined && !/^[1-9]\d{0,3}$/.test(days)) throw new Error("--expires-in-days must be a whole number of days (1–9999)");
  const { database } = await openCliDatabase();
  try {
    const [user] = await database.db.select().from(users).where(eq(users.username, values.user));
    if (!user) throw new Error(`no user named ${values.user}`);
    if (!user.isActive) throw new Error(`user ${values.user} is deactivated`);
    const token = await createToken(database.db, user.id, { name: values.name?.trim() || "npm run token:create", expiresInDays: days ? Number(days) : null });
    console.error(
      `[token:create] token ${token.id} for ${user.username} (${user.role})${token.expires_at ? `, expires ${new Date(token.expires_at * 1000).toISOString()}` : ""}; the key is shown once:`,
    );
    console.log(token.key);
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  console.error(`[token:create] ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
