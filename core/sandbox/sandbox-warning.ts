import { and, gte, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { workers } from "@/db/schema";
import { nowSeconds } from "@/lib/time";
import type { Config } from "../config";

/** A worker that has not beaten for this long is not counted (the reaper's threshold). */
const LIVE_S = 30;

export type SandboxWarning = {
  /** this web process runs git syncs (and, inline, jobs) with SANDBOX=off */
  off: boolean;
  /** live workers that refuse jobs: the sandbox cannot start there */
  unavailable: string[];
  /** live workers running jobs with SANDBOX=off */
  unsandboxed: string[];
};

/** What the pages warn about: anywhere jobs or syncs run without a sandbox, or cannot run. Null when all is well. */
export async function readSandboxWarning(db: Db, config: Pick<Config, "sandbox">): Promise<SandboxWarning | null> {
  const since = nowSeconds() - LIVE_S;
  const rows = await db
    .select({ id: workers.id, sandbox: workers.sandbox })
    .from(workers)
    .where(and(gte(workers.heartbeatAt, since), ne(workers.sandbox, "sandbox")))
    .orderBy(workers.id);
  const warning: SandboxWarning = {
    off: config.sandbox === "off",
    unavailable: rows.filter((r) => r.sandbox === "unavailable").map((r) => r.id),
    unsandboxed: rows.filter((r) => r.sandbox === "off").map((r) => r.id),
  };
  return warning.off || warning.unavailable.length || warning.unsandboxed.length ? warning : null;
}
