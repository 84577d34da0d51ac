import { and, asc, count, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgSelect, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { msg } from "@/lib/drf/messages";
import { parseId } from "@/lib/ids";
import type { FieldErrors } from "@/lib/drf/serializer";
import { readOrdering } from "../drf/ordering";
import { readPage, type Page } from "../drf/pagination";
import { lastParam } from "../drf/query-string";
import { assertValid } from "@/core/errors";

export type ListSpec<Q extends PgSelect> = {
  table: PgTable;
  /** record keys that `ordering` may name; must include `id` */
  orderable: Record<string, AnyPgColumn>;
  /** `?name=` exact match */
  name: AnyPgColumn;
  /** `?search=` icontains over these */
  search: AnyPgColumn[];
  /** `?<key>=<id>` filters on reference columns */
  idFilters?: Record<string, AnyPgColumn>;
  /** the record's select (with its joins), made dynamic so the list can add to it */
  select: (db: Db) => Q;
};

/** The list of a referenced object: django-filter's filters, OrderingFilter and LimitOffsetPagination. */
export async function listResource<Q extends PgSelect>(db: Db, spec: ListSpec<Q>, url: URL): Promise<{ page: Page; count: number; rows: Awaited<Q> }> {
  const where = and(...readFilters(spec, url));
  const page = readPage(url);
  const orderBy = readOrdering(url, Object.keys(spec.orderable)).map((t) => {
    const column = spec.orderable[t.field];
    if (!column) throw new Error(`no column to order by ${t.field}`);
    return t.desc ? desc(column) : asc(column);
  });
  const [[total], rows] = await Promise.all([
    db.select({ n: count() }).from(spec.table).where(where),
    spec
      .select(db)
      .where(where)
      .orderBy(...orderBy)
      .limit(page.limit)
      .offset(page.offset),
  ]);
  return { page, count: Number(total!.n), rows: rows as Awaited<Q> };
}

function readFilters<Q extends PgSelect>(spec: ListSpec<Q>, url: URL): SQL[] {
  const where: SQL[] = [];
  const errors: FieldErrors = {};
  const value = (key: string) => {
    const v = lastParam(url, key)?.trim();
    return v === undefined || v === "" ? undefined : v;
  };

  const name = value("name");
  if (name !== undefined) where.push(eq(spec.name, name));

  for (const [key, col] of Object.entries(spec.idFilters ?? {})) {
    const v = value(key);
    if (v === undefined) continue;
    const id = parseId(v);
    if (id === undefined) errors[key] = [msg.filterBadId];
    else where.push(eq(col, id));
  }

  const search = value("search");
  if (search !== undefined) {
    // SearchFilter: every whitespace-separated term must match one of the fields
    for (const term of search
      .split(/[\s,]+/)
      .filter(Boolean)
      .slice(0, 10)) {
      const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(or(...spec.search.map((c) => ilike(c, pattern)))!);
    }
  }
  assertValid(errors);
  return where;
}
