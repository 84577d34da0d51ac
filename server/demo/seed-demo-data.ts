import type { Db } from "@/db/client";
import { nowSeconds } from "@/lib/time";
import type { Config } from "@/core/config";
import { secretBox } from "@/core/crypto/secret-box";
import { seedCatalog } from "./seed-catalog";
import { seedJobs } from "./seed-jobs";

export const DEMO_JOB_COUNT = 300;

/**
 * First start of the embedded database: a catalog and ~300 jobs of the last 30 days in
 * every state and kind, so a new user sees a populated history at once. The newest few
 * are launched (`new`): the executor runs them against localhost, so waiting and running
 * are seen live rather than recorded.
 */
export async function seedDemoData(db: Db, opts: { config: Config; adminUserId: number; now?: number }): Promise<void> {
  const now = opts.now ?? nowSeconds();
  await seedCatalog(db, { projectsRoot: opts.config.projectsRoot, now, seal: secretBox(opts.config).seal });
  await seedJobs(db, { count: DEMO_JOB_COUNT, from: now - 30 * 86400, to: now, activeJobs: "launched" });
}
