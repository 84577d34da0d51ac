/**
 * npm run db:migrate — applies pending migrations to the configured database
 * (DATABASE_URL, or the embedded PGlite under DATA_DIR) and exits.
 */
import { sql } from "drizzle-orm";
import { openDatabase, rowsOf } from "@/db/client";
import { readConfig } from "@/server/config";

async function main() {
  const config = readConfig();
  const where = config.databaseUrl ? redact(config.databaseUrl) : `embedded PGlite in ${config.pgliteDir}`;
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir, poolSize: 1 });
  try {
    const rows = rowsOf<{ n: number | string; last: number | string | null }>(
      await database.db.execute(sql`select count(*) as n, max(created_at) as last from drizzle.__drizzle_migrations`),
    );
    const { n, last } = rows[0];
    console.log(`[db:migrate] ${where}: ${database.isNew ? "created, " : ""}${n} migrations applied` +
      (last ? ` (latest from ${new Date(Number(last)).toISOString()})` : ""));
  } finally {
    await database.close();
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
