import { and, count } from "drizzle-orm";
import type { PgSelect, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { readListQuery, type ListSpec } from "../drf/list-query";
import type { Page } from "../drf/pagination";

/** The list of a referenced object: its query read as every list's is, then a page and its count. */
export async function listResource<Q extends PgSelect>(
  db: Db,
  table: PgTable,
  spec: ListSpec,
  /** the record's select (with its joins), made dynamic so the list can add to it */
  select: (db: Db) => Q,
  url: URL,
): Promise<{ page: Page; count: number; rows: Awaited<Q> }> {
  const { where: conditions, orderBy, page } = readListQuery(url, spec);
  const where = and(...conditions);
  const [[total], rows] = await Promise.all([
    db.select({ n: count() }).from(table).where(where),
    select(db)
      .where(where)
      .orderBy(...orderBy)
      .limit(page.limit)
      .offset(page.offset),
  ]);
  return { page, count: Number(total!.n), rows: rows as Awaited<Q> };
}
