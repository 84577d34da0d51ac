import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import { NotFound } from "@/core/errors";
import type { JobRow } from "./serialize-job";

export async function getJob(db: Db, id: number, opts: { forUpdate?: boolean } = {}): Promise<JobRow> {
  const q = db.select().from(jobs).where(eq(jobs.id, id));
  const [row] = opts.forUpdate ? await q.for("update") : await q;
  if (!row) throw new NotFound();
  return row;
}
