import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { schedules, templates } from "@/db/schema";
import { deleteById } from "../resources/delete-by-id";

/**
 * Jobs launched from the template keep its id and name. Its schedules stay (their
 * history and settings are the user's) but are disabled, having nothing to launch.
 */
export async function deleteTemplate(db: Db, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteById(tx, templates, templates.id, id);
    await tx.update(schedules).set({ enabled: false, nextFireAt: null, lastError: "模板已被删除，计划任务已停用。" }).where(eq(schedules.templateId, id));
  });
}
