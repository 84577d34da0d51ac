import { encodeSortedQuery, lastParam, parseQuery } from "./query-string";

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 1000;

export type Page = { limit: number; offset: number };

export type Envelope<T> = { count: number; next: string | null; previous: string | null; results: T[] };

/** Python `int()` of a query value, or undefined where it would raise. */
function pyInt(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const s = raw.trim();
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  return Number(s);
}

/** LimitOffsetPagination's reading of `limit` and `offset`. */
export function readPage(url: URL): Page {
  const l = pyInt(lastParam(url, "limit"));
  const o = pyInt(lastParam(url, "offset"));
  const limit = l === undefined || l <= 0 ? DEFAULT_LIMIT : Math.min(l, MAX_LIMIT);
  const offset = o === undefined || o < 0 ? 0 : Math.min(o, Number.MAX_SAFE_INTEGER);
  return { limit, offset };
}

/**
 * DRF's next/previous links: the request's absolute URL with limit/offset replaced, keys
 * sorted. `url` is on this site's origin (the route wrapper builds it from PUBLIC_URL or the Host header).
 */
export function pageLinks(url: URL, page: Page, count: number): { next: string | null; previous: string | null } {
  const base = `${url.origin}${url.pathname}`;
  const build = (offset: number | null) => {
    const q = parseQuery(url.search);
    q.set("limit", [String(page.limit)]);
    if (offset === null) q.delete("offset");
    else q.set("offset", [String(offset)]);
    return `${base}?${encodeSortedQuery(q)}`;
  };
  const next = page.offset + page.limit >= count ? null : build(page.offset + page.limit);
  let previous: string | null = null;
  if (page.offset > 0) previous = page.offset - page.limit <= 0 ? build(null) : build(page.offset - page.limit);
  return { next, previous };
}

export function envelope<T>(url: URL, page: Page, count: number, results: T[]): Envelope<T> {
  return { count, ...pageLinks(url, page, count), results };
}
