/**
 * npm run db:migrate — applies pending migrations to the configured database
 * (DATABASE_URL, or the embedded PGlite under DATA_DIR) and exits.
 */
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { rowsOf } from "@/db/client";
import { openConfiguredDatabase } from "@/core/data-dir";
import { readConfig } from "@/core/config";

async function main() {
  const config = readConfig();
  const where = config.databaseUrl ? redact(config.databaseUrl) : `embedded PGlite in ${config.pgliteDir}`;
  const before = config.databaseUrl ? await appliedOnServer(config.databaseUrl) : undefined;
  const database = await openConfiguredDatabase(config, 1);
  try {
    const [{ n } = { n: 0 }] = rowsOf<{ n: number | string }>(await database.db.execute(sql`select count(*) as n from drizzle.__drizzle_migrations`));
    const total = Number(n);
    const applied = database.isNew ? total : before !== undefined ? total - before : undefined;
    console.log(
      `[db:migrate] ${where}: ${database.isNew ? "created; " : ""}` +
        (applied === undefined ? `up to date, ${total} migrations` : `${applied} applied now, ${total} in all`),
    );
  } finally {
    await database.close();
  }
}

/** Migrations recorded before this run (0 on a database never migrated). */
async function appliedOnServer(url: string): Promise<number> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [r] = await client`select count(*)::int as n from drizzle.__drizzle_migrations`;
    return r!.n;
  } catch {
    return 0;
  } finally {
    await client.end({ timeout: 5 });
  }
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

main().catch((e) => {
  console.error("[db:migrate] failed:", e);
  process.exit(1);
});
