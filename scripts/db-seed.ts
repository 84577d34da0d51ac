/**
 * npm run db:seed -- --jobs 1000000 [--days 730] [--batch 200000]
 * Fills the configured database (DATABASE_URL, or the embedded PGlite under DATA_DIR)
 * with the demo catalog (when it has no templates yet) and N realistic past jobs ending
 * now, then VACUUM ANALYZE so the list's index-only scans see an all-visible table.
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openConfiguredDatabase } from "@/core/data-dir";
import { secretBox } from "@/core/crypto/secret-box";
import { readConfig } from "@/core/config";
import { seedCatalog } from "@/server/demo/seed-catalog";
import { seedJobs } from "@/server/demo/seed-jobs";
import { nowSeconds } from "@/lib/time";

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw.replace(/_/g, ""))) throw new Error(`--${name} must be a whole number, got ${raw}`);
  return Number(raw.replace(/_/g, ""));
}

async function main() {
  const { values } = parseArgs({
    options: { jobs: { type: "string" }, days: { type: "string" }, batch: { type: "string" } },
  });
  const jobs = positiveInt("jobs", values.jobs, 1000);
  const days = positiveInt("days", values.days, 730);
  const batchSize = Math.max(1, positiveInt("batch", values.batch, 200_000));

  const config = readConfig();
  const started = Date.now();
  const database = await openConfiguredDatabase(config, 1);
  const { db } = database;
  try {
    console.log(`[db:seed] ${config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${config.pgliteDir}`}`);
    const now = nowSeconds();
    const { created } = await seedCatalog(db, { projectsRoot: config.projectsRoot, now, seal: secretBox(config).seal });
    console.log(`[db:seed] catalog ${created ? `created (playbooks under ${config.projectsRoot})` : "present, reused"}`);

    let last = Date.now();
    await seedJobs(db, {
      count: jobs,
      from: now - days * 86400,
      to: now,
      batchSize,
      onProgress: (done, total) => {
        const t = Date.now();
        console.log(`[db:seed] ${done.toLocaleString("en")} / ${total.toLocaleString("en")} jobs (${((t - last) / 1000).toFixed(1)} s)`);
        last = t;
      },
    });
    const v = Date.now();
    await db.execute(sql`VACUUM ANALYZE jobs, job_counts, job_buckets, job_user_counts`);
    console.log(`[db:seed] VACUUM ANALYZE ${((Date.now() - v) / 1000).toFixed(1)} s`);
    console.log(`[db:seed] ${jobs.toLocaleString("en")} jobs over ${days} days in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  console.error("[db:seed] failed:", e);
  process.exit(1);
});
