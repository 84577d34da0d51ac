"use client";

import { useDeferredValue, useMemo, useState } from "react";

/** A DRF list query: one page of `pageSize` rows in `ordering`, narrowed by `search` when given. */
export function pagedQuery({ page, pageSize, ordering, search }: { page: number; pageSize: number; ordering: string; search: string }): URLSearchParams {
  const q = new URLSearchParams({ limit: String(pageSize), ordering });
  if (page > 1) q.set("offset", String((page - 1) * pageSize));
  if (search) q.set("search", search);
  return q;
}

/**
 * A search box and a page number for a list: typing goes back to page one, and the query
 * follows the deferred text so a slow list does not hold up the input.
 */
export function usePagedSearch({ ordering, pageSize }: { ordering: string; pageSize: number }) {
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const deferred = useDeferredValue(search.trim());
  const query = useMemo(() => pagedQuery({ page, pageSize, ordering, search: deferred }), [page, pageSize, ordering, deferred]);
  const changeSearch = (value: string) => {
    setSearch(value);
    setPage(1);
  };
  const pageCount = (count: number | undefined) => (count === undefined ? 1 : Math.max(1, Math.ceil(count / pageSize)));
  return { search, changeSearch, page, setPage, deferred, query, pageCount };
}
