import type { Db } from "@/db/client";
import { savedFilters } from "@/db/schema";
import { NotFound } from "@/core/errors";
import { ownSavedFilter } from "./saved-filter-fields";

export async function deleteSavedFilter(db: Db, userId: number, id: number): Promise<void> {
  const deleted = await db.delete(savedFilters).where(ownSavedFilter(userId, id)).returning({ id: savedFilters.id });
  if (deleted.length === 0) throw new NotFound();
}
