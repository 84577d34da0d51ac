import { and, count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { savedFilters } from "@/db/schema";
import { readListQuery } from "../drf/list-query";
import { SAVED_FILTER_LIST } from "./saved-filter-fields";

/** The user's own saved filters, read as every list is (`?ordering=name` for the menu). */
export async function listSavedFilters(db: Db, userId: number, url: URL) {
  const { where: conditions, orderBy, page } = readListQuery(url, SAVED_FILTER_LIST);
  const where = and(eq(savedFilters.userId, userId), ...conditions);
  const [[total], rows] = await Promise.all([
    db.select({ n: count() }).from(savedFilters).where(where),
    db
      .select()
      .from(savedFilters)
      .where(where)
      .orderBy(...orderBy)
      .limit(page.limit)
      .offset(page.offset),
  ]);
  return { page, count: Number(total!.n), rows };
}
