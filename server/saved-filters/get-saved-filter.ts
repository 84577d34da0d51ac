import type { Db } from "@/db/client";
import { savedFilters } from "@/db/schema";
import { firstOrNotFound } from "../resources/find-by-id";
import { ownSavedFilter, type SavedFilterRow } from "./saved-filter-fields";

export async function getSavedFilter(db: Db, userId: number, id: number): Promise<SavedFilterRow> {
  return firstOrNotFound(await db.select().from(savedFilters).where(ownSavedFilter(userId, id)));
}
