import { asc, desc, eq, gte, ilike, inArray, lte, or, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { assertValid } from "@/core/errors";
import type { Contract, FieldContract } from "@/lib/contracts/define";
import { msg } from "@/lib/drf/messages";
import type { FieldErrors } from "@/lib/drf/serializer";
import { parseId } from "@/lib/ids";
import { readOrdering, type OrderTerm } from "./ordering";
import { readPage, type Page } from "./pagination";
import { lastParam } from "./query-string";

export type ListFilter = {
  kind: NonNullable<FieldContract["filter"]>;
  column: AnyPgColumn;
  /** an `exact` filter that is not the column's equality (a host a job ran on) */
  match?: (value: string) => SQL;
  /** when it is the only condition: a statement whose one row `n` is the exact count (a kept roll-up) */
  countAlone?: (value: string) => SQL;
  /** a choice filter's values */
  choices?: readonly string[];
  /** the same dimension in a table of kept counts; absent: a filter on it needs `count(*)` */
  counted?: AnyPgColumn;
};

/** What a list endpoint lets `?…` name: its filters, the columns `search` looks in, what `ordering` may name. */
export type ListSpec = {
  filters: Record<string, ListFilter>;
  search: AnyPgColumn[];
  /** a search term also matches when this holds (the term is exactly a host's name) */
  searchAlso?: (term: string) => SQL;
  /** the condition of one search term (its ILIKE pattern, the term), when the list has a faster one than an ILIKE per column */
  searchTerm?: (pattern: string, term: string) => SQL;
  orderable: Record<string, AnyPgColumn>;
};

/** A filter as kept roll-ups can read it: the values one column of the listed table must have. */
export type KeptTerm = { column: string; values: (string | number)[] };
/** A time filter's bounds, both included (whole seconds), on one column of the listed table. */
export type TimeRange = { column: string; gte?: number; lte?: number };

export type ListQuery = {
  /** conditions on the listed table */
  where: SQL[];
  /**
   * The same filters as plain values, by the listed table's column names, for roll-ups keyed
   * by the same names; null when some filter is not a column's value (search, a match, a
   * reference to nothing), which only the rows themselves can answer.
   */
  terms: KeptTerm[] | null;
  /** the time filters among them (not in `terms`), one entry per column */
  ranges: TimeRange[];
  /** the same conditions on the kept counts, or null when some filter is not one of their dimensions */
  countWhere: SQL[] | null;
  /** the count from a filter's own roll-up, when that filter is the only condition */
  countAlone?: SQL;
  ordering: OrderTerm[];
  orderBy: SQL[];
  page: Page;
};

/**
 * A list spec from a resource's contract: each key's `filter`, `searchable` and `orderable`,
 * read from its column (`column` maps a contract's column key to the table's, or to a
 * joined one), and the same dimension in kept counts where there are some.
 */
export function listSpecOf(
  fields: Contract,
  column: (columnKey: string) => AnyPgColumn,
  counted: (columnKey: string) => AnyPgColumn | undefined = () => undefined,
): ListSpec {
  const spec: ListSpec = { filters: {}, search: [], orderable: {} };
  for (const [key, f] of Object.entries(fields)) {
    if (f.column === undefined) continue;
    const c = column(f.column);
    if (f.filter) spec.filters[key] = { kind: f.filter, column: c, choices: f.choices ?? f.input?.choices, counted: counted(f.column) };
    if (f.searchable) spec.search.push(c);
    if (f.orderable) spec.orderable[key] = c;
  }
  return spec;
}

/** Time filters are clamped to the range a bigint column and a JS number both hold exactly. */
const MAX_TIME = 2 ** 53 - 1;

/**
 * One reading of a list's query for every list endpoint: django-filter's filters (a bad
 * value is a 400 naming the parameter), SearchFilter, OrderingFilter, LimitOffsetPagination.
 */
export function readListQuery(url: URL, spec: ListSpec): ListQuery {
  const where: SQL[] = [];
  const countWhere: SQL[] = [];
  let countable = true;
  const terms: KeptTerm[] = [];
  let isKeptable = true;
  const ranges = new Map<string, TimeRange>();
  let alone: SQL | undefined;
  const errors: FieldErrors = {};
  const value = (key: string) => {
    const v = lastParam(url, key)?.trim();
    return v === undefined || v === "" ? undefined : v;
  };
  const add = (condition: SQL, counted: SQL | undefined, term?: KeptTerm) => {
    where.push(condition);
    if (counted) countWhere.push(counted);
    else countable = false;
    if (term) terms.push(term);
    else isKeptable = false;
  };

  for (const [key, f] of Object.entries(spec.filters)) {
    const { column, counted } = f;
    if (f.kind === "time") {
      for (const [suffix, op] of [
        ["gte", gte],
        ["lte", lte],
      ] as const) {
        const name = `${key}__${suffix}`;
        const v = value(name);
        if (v === undefined) continue;
        if (!/^[+-]?\d+(\.\d+)?$/.test(v)) errors[name] = [msg.filterInvalidNumber];
        else {
          const n = Math.max(-MAX_TIME, Math.min(MAX_TIME, Number(v)));
          const bound = suffix === "gte" ? Math.ceil(n) : Math.floor(n);
          where.push(op(column, bound));
          countable = false;
          ranges.set(column.name, { ...ranges.get(column.name), column: column.name, [suffix]: bound });
        }
      }
      continue;
    }
    const v = value(key);
    if (v !== undefined) {
      if (f.kind === "id") {
        const id = parseId(v);
        if (id === undefined) errors[key] = [msg.filterBadId];
        // kept counts store a null reference as 0: only positive ids can be counted there
        else add(eq(column, id), counted && id > 0 ? eq(counted, id) : undefined, id > 0 ? { column: column.name, values: [id] } : undefined);
      } else if (f.kind === "exact") {
        add(f.match ? f.match(v) : eq(column, v), counted && eq(counted, v), f.match ? undefined : { column: column.name, values: [v] });
        if (f.countAlone) alone = f.countAlone(v);
      } else if (!f.choices?.includes(v)) errors[key] = [msg.filterBadChoice(v)];
      else add(eq(column, v), counted && eq(counted, v), { column: column.name, values: [v] });
    }
    const many = f.kind === "choices" ? value(`${key}__in`) : undefined;
    if (many !== undefined) {
      const list = many
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = list.find((s) => !f.choices?.includes(s));
      if (bad !== undefined) errors[`${key}__in`] = [msg.filterBadChoice(bad)];
      else if (list.length) add(inArray(column, list), counted && inArray(counted, list), { column: column.name, values: list });
    }
  }

  const search = value("search");
  if (search !== undefined) {
    // every whitespace-separated term must match one of the fields
    for (const term of search
      .split(/[\s,]+/)
      .filter(Boolean)
      .slice(0, 10)) {
      const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      add(spec.searchTerm ? spec.searchTerm(pattern, term) : or(...spec.search.map((c) => ilike(c, pattern)), spec.searchAlso?.(term))!, undefined);
    }
  }
  assertValid(errors);

  const ordering = readOrdering(url, Object.keys(spec.orderable));
  const orderBy = ordering.map((t) => {
    const column = spec.orderable[t.field];
    if (!column) throw new Error(`no column to order by ${t.field}`);
    return t.desc ? desc(column) : asc(column);
  });
  return {
    where,
    terms: isKeptable ? terms : null,
    ranges: [...ranges.values()],
    countWhere: countable ? countWhere : null,
    countAlone: where.length === 1 ? alone : undefined,
    ordering,
    orderBy,
    page: readPage(url),
  };
}
