import { and, eq } from "drizzle-orm";
import { savedFilters } from "@/db/schema";
import { SAVED_FILTER_FIELDS } from "@/lib/contracts/saved-filter";
import { listSpecOf } from "../drf/list-query";

export type SavedFilterRow = typeof savedFilters.$inferSelect;

/** The list's search (`?search=` in names) and ordering (`id`, `name`, `ctime`), from the contract. */
export const SAVED_FILTER_LIST = listSpecOf(SAVED_FILTER_FIELDS, (c) => savedFilters[c as keyof SavedFilterRow]);

/** One of the user's own: another user's id reads as unknown. */
export const ownSavedFilter = (userId: number, id: number) => and(eq(savedFilters.id, id), eq(savedFilters.userId, userId));
