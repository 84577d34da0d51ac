import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { projects } from "@/db/schema";
import { firstOrNotFound } from "../resources/find-by-id";
import type { ProjectRow } from "./project-row";

export async function getProject(db: Db, id: number, opts: { forUpdate?: boolean } = {}): Promise<ProjectRow> {
  const q = db.select().from(projects).where(eq(projects.id, id));
  return firstOrNotFound(opts.forUpdate ? await q.for("update") : await q);
}
