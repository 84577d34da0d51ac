import fs from "node:fs";
import path from "node:path";
import { and, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import { ACTIVE_STATES } from "@/lib/jobs/enums";

const JOB_DIR = /^(?:job|project)-(\d+)-/;

/**
 * Removes what jobs that no longer run left in this machine's run directory: an
 * executor killed mid-job (kill -9, power loss) never reached its clean-up, so its job's
 * directory — inventory, extra vars, the project's copy and, without a sandbox, the
 * credential's secret files — would stay. Directories of jobs still waiting or running
 * (here or in another executor sharing this DATA_DIR) are kept; the reaper ends a dead
 * worker's jobs, and the next sweep removes their directories.
 */
export async function sweepRunDir(db: Db, runDir: string): Promise<number> {
  let entries: string[];
  try {
    entries = fs.readdirSync(runDir);
  } catch {
    return 0;
  }
  const byJob = new Map<number, string[]>();
  for (const name of entries) {
    const m = JOB_DIR.exec(name);
    if (!m) continue;
    const id = Number(m[1]);
    byJob.set(id, [...(byJob.get(id) ?? []), name]);
  }
  if (byJob.size === 0) return 0;
  const active = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(inArray(jobs.id, [...byJob.keys()]), inArray(jobs.state, [...ACTIVE_STATES])));
  for (const { id } of active) byJob.delete(id);
  let removed = 0;
  for (const names of byJob.values()) {
    for (const name of names) {
      fs.rmSync(path.join(runDir, name), { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}
