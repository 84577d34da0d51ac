"use client";

import Link from "next/link";
import { useId, useState, type ReactNode } from "react";
import type { CatalogKind, CatalogRecords } from "@/lib/catalog/catalog-records";
import { Button, buttonClass } from "../../ui/button";
import { EmptyState, QueryState } from "../../ui/query-state";
import { inputClass } from "../../ui/form-field";
import { Spinner } from "../../ui/spinner";
import { usePagedSearch } from "../../ui/use-paged-search";
import { useCatalogList } from "../use-catalog-queries";
import { useCatalogText } from "../use-catalog-text";
import { DeleteButton } from "./delete-button";
import { usePermissions } from "../../auth/use-permissions";
import { Pager } from "./pager";

const PAGE_SIZE = 20;

export type Column<R> = { key: string; header: string; cell: (row: R) => ReactNode; className?: string };

type Props<K extends CatalogKind> = {
  kind: K;
  /** the page's path: `/projects`; rows link to `/projects/<id>` */
  basePath: string;
  title: string;
  newLabel: string;
  tableLabel: string;
  columns: Column<CatalogRecords[K]>[];
  /** actions of a row before edit and delete (launch, run now) */
  actions?: (row: CatalogRecords[K]) => ReactNode;
  /** shown above the table (the outcome of a row action) */
  banner?: ReactNode;
};

/** A catalog list: search, a table that scrolls sideways on a phone, pages; new, edit and delete for those who may. */
export function ResourceList<K extends CatalogKind>({ kind, basePath, title, newLabel, tableLabel, columns, actions, banner }: Props<K>) {
  const { t, c } = useCatalogText();
  const { canOperate } = usePermissions();
  const searchId = useId();
  const { search, changeSearch, page, setPage, deferred, query, pageCount } = usePagedSearch({ ordering: "name", pageSize: PAGE_SIZE });
  const [notice, setNotice] = useState("");
  const list = useCatalogList(kind, query);
  const rows = (list.data?.results ?? []) as CatalogRecords[K][];
  const pages = pageCount(list.data?.count);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">{title}</h1>
        {list.isPlaceholderData && list.isFetching && <Spinner label={t.updating} />}
        {canOperate && (
          <Link href={`${basePath}/new`} className={buttonClass("primary", "ml-auto")}>
            + {newLabel}
          </Link>
        )}
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-full sm:w-80">
          <label htmlFor={searchId} className="mb-1 block text-xs font-medium text-slate-600">
            {c.common.search}
          </label>
          <input
            id={searchId}
            type="search"
            value={search}
            placeholder={c.common.searchPlaceholder}
            onChange={(e) => changeSearch(e.target.value)}
            className={inputClass}
          />
        </div>
        <p className="pb-2 text-sm text-slate-600" aria-live="polite" data-testid="catalog-count">
          {list.data ? c.common.count(list.data.count) : "\u00a0"}
        </p>
        <p role="status" className="pb-2 text-sm text-green-800">
          {notice}
        </p>
      </div>
      {banner}
      <QueryState
        query={list}
        errorTitle={c.common.loadFailed}
        isEmpty={() => rows.length === 0}
        empty={
          <EmptyState
            action={
              list.data && list.data.count > 0 ? (
                <Button className="mt-3" onClick={() => setPage(1)}>
                  {c.common.firstPage}
                </Button>
              ) : (
                !deferred &&
                canOperate && (
                  <Link href={`${basePath}/new`} className={buttonClass("secondary", "mt-3")}>
                    + {newLabel}
                  </Link>
                )
              )
            }
          >
            {list.data && list.data.count > 0 ? c.common.pastEnd : deferred ? c.common.emptySearch : c.common.empty}
          </EmptyState>
        }
      >
        {() => (
          <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
            <table className={`w-full text-left text-sm ${list.isPlaceholderData ? "opacity-60" : ""}`} aria-busy={list.isPlaceholderData}>
              <caption className="sr-only">{tableLabel}</caption>
              <thead className="bg-slate-50 text-xs text-slate-600">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {c.common.name}
                  </th>
                  {columns.map((col) => (
                    <th key={col.key} scope="col" className={`px-3 py-2 font-medium ${col.className ?? ""}`}>
                      {col.header}
                    </th>
                  ))}
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    {c.common.actions}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} className="border-t border-slate-100 align-top hover:bg-slate-50/60">
                    <th scope="row" className="min-w-32 max-w-72 px-3 py-2.5 text-left font-normal">
                      <Link
                        href={`${basePath}/${row.id}`}
                        className="font-medium text-blue-800 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600"
                      >
                        {row.name}
                      </Link>
                      {row.description && <p className="mt-0.5 line-clamp-2 text-xs text-slate-500">{row.description}</p>}
                    </th>
                    {columns.map((col) => (
                      <td key={col.key} className={`px-3 py-2.5 ${col.className ?? ""}`}>
                        {col.cell(row)}
                      </td>
                    ))}
                    <td className="px-3 py-2">
                      <div role="group" aria-label={c.common.rowActions(row.name)} className="flex flex-wrap items-center justify-end gap-1">
                        {actions?.(row)}
                        {canOperate && (
                          <Link href={`${basePath}/${row.id}`} aria-label={`${c.common.edit}「${row.name}」`} className={buttonClass("ghost", "h-8 px-2")}>
                            {c.common.edit}
                          </Link>
                        )}
                        <DeleteButton kind={kind} id={row.id} name={row.name} compact onDeleted={() => setNotice(c.common.deleted(row.name))} />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
      <Pager page={page} pages={pages} onPage={setPage} />
    </div>
  );
}
