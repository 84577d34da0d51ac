import type { Db } from "@/db/client";
import { nowSeconds } from "@/lib/time";
import { jsonSource } from "@/lib/drf/serializer";
import type { Config } from "@/core/config";
import { secretBox } from "@/core/crypto/secret-box";
import { eq, inArray } from "drizzle-orm";
import { templates, users } from "@/db/schema";
import { createJob } from "@/core/jobs/create-job";
import { DEMO_LAUNCHES } from "./catalog-data";
import { seedCatalog } from "./seed-catalog";
import { seedDemoLogins } from "./seed-demo-logins";
import { seedJobs } from "./seed-jobs";
import { seedDemoOutput } from "./seed-output";

export const DEMO_JOB_COUNT = 300;

/**
 * First start of the embedded database: a catalog and ~300 jobs of the last 30 days in
 * every state and kind, each ended one with its output and host results, so a new user
 * sees a populated history at once. The newest few
 * are launched (`new`): the executor runs them against localhost, so waiting and running
 * are seen live rather than recorded — with the daily checks, whose real output has a
 * failed task and an unreachable host. An operator and a viewer can log in.
 */
export async function seedDemoData(db: Db, opts: { config: Config; adminUserId: number; now?: number }): Promise<void> {
  const now = opts.now ?? nowSeconds();
  await seedCatalog(db, { projectsRoot: opts.config.projectsRoot, now, seal: secretBox(opts.config).seal });
  await seedJobs(db, { count: DEMO_JOB_COUNT, from: now - 30 * 86400, to: now, activeJobs: "launched" });
  await seedDemoOutput(db);
  await seedDemoLogins(db, opts.config);
  await launchDemoChecks(db, opts.adminUserId);
}

async function launchDemoChecks(db: Db, adminUserId: number): Promise<void> {
  const [admin] = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role })
    .from(users)
    .where(eq(users.id, adminUserId));
  if (!admin) return;
  const rows = await db.select({ id: templates.id, name: templates.name }).from(templates).where(inArray(templates.name, DEMO_LAUNCHES));
  for (const name of DEMO_LAUNCHES) {
    const template = rows.find((r) => r.name === name);
    if (template) await createJob(db, admin, jsonSource({ template: template.id }));
  }
}
