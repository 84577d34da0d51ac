"use client";

import { useMemo, useState } from "react";
import { FILTER_KEYS, historyApiQuery, type HistorySearch } from "@/lib/jobs/history-search";
import { isDeletable } from "@/lib/jobs/format";
import { Button } from "../ui/button";
import { ErrorState } from "../ui/error-state";
import { Spinner } from "../ui/spinner";
import { useNow } from "../ui/use-now";
import { useWideScreen } from "../ui/use-wide-screen";
import { useI18n } from "../i18n/i18n-provider";
import { usePermissions } from "../auth/use-permissions";
import { TimeDisplayToggle } from "../clock/time-display-toggle";
import { useClock } from "../clock/use-clock";
import { BulkDelete } from "./bulk-delete";
import { BulkDeleteMatching } from "./bulk-delete-matching";
import { CompareSelected } from "./compare/compare-selected";
import { ExportCsvLink } from "./export-csv-link";
import { useRememberHistoryUrl } from "./history-return";
import { JobCardList } from "./job-card-list";
import { JobFilters } from "./job-filters";
import { JobTable } from "./job-table";
import { JobTableSkeleton } from "./job-table-skeleton";
import { Pagination } from "./pagination";
import { SavedFiltersMenu } from "./saved-filters-menu";
import { SortSelect } from "./sort-select";
import { useHistorySearch } from "./use-history-search";
import { useHistoryLive } from "./use-history-live";
import { useJobList } from "./use-job-queries";
import { NewJobsBar } from "./new-jobs-bar";

/**
 * The job history: filters, table and pages, all kept in the URL; selection and delete for
 * those who may. `wideGuess`: whether the server thinks the screen is wide (a table) or a
 * phone's (cards), until the browser knows.
 */
export function JobHistory({ wideGuess }: { wideGuess: boolean }) {
  const { t } = useI18n();
  const { canOperate } = usePermissions();
  const [search, setSearch] = useHistorySearch();
  const wide = useWideScreen(wideGuess);
  useRememberHistoryUrl();
  // a preset period ("the last hour") slides with the clock, a minute at a time
  const now = useNow(search.since !== null, 15_000);
  const minute = now - (now % 60);
  const zone = useClock().zone ?? undefined;
  const query = useMemo(() => historyApiQuery(search, minute, zone), [search, minute, zone]);
  const queryKey = query.toString();
  const live = useHistoryLive(query, search.page <= 1);
  const list = useJobList(query, live.isLive);
  const newJobs = live.matching !== null && list.data ? Math.max(0, live.matching - list.data.count) : 0;
  const rows = useMemo(() => list.data?.results ?? [], [list.data]);
  // a selection belongs to the page it was made on
  const [selection, setSelection] = useState<{ key: string; ids: Set<number> }>({ key: "", ids: new Set() });
  const [notice, setNotice] = useState("");
  const selected = selection.key === queryKey ? selection.ids : new Set<number>();
  const selectedIds = rows.filter((j) => selected.has(j.id) && isDeletable(j.state)).map((j) => j.id);
  // "select all N matching" (Gmail's): every job the filters match, not only this page
  const [allMatchingKey, setAllMatchingKey] = useState("");
  const allMatching = allMatchingKey === queryKey;
  const pageDeletable = rows.filter((j) => isDeletable(j.state)).length;
  const total = list.data?.count ?? 0;
  const offerAllMatching = !allMatching && pageDeletable > 0 && selectedIds.length === pageDeletable && total > rows.length;

  const select = (ids: number[], on: boolean) => {
    const next = new Set(selected);
    for (const id of ids)
      if (on) next.add(id);
      else next.delete(id);
    setSelection({ key: queryKey, ids: next });
    setAllMatchingKey("");
    setNotice("");
  };
  const sort = (ordering: HistorySearch["ordering"]) => void setSearch({ ordering, page: null });
  const filtered = FILTER_KEYS.some((k) => search[k] !== null && search[k] !== "");
  const failedNow = list.isError && (!list.data || list.isPlaceholderData);

  return (
    <div className="space-y-3">
      <div className="flex items-center gap-3">
        <h1 className="text-xl font-semibold">{t.history.title}</h1>
        {list.isPlaceholderData && list.isFetching && (
          <span className="inline-flex items-center gap-1.5 text-sm text-slate-500" role="status">
            <Spinner /> {t.updating}
          </span>
        )}
      </div>
      <JobFilters search={search} setSearch={setSearch} rows={rows} />
      <div className="flex min-h-10 flex-wrap items-center gap-x-4 gap-y-2">
        <p className="min-w-20 text-sm text-slate-600" data-testid="job-count" aria-live="polite">
          {list.data && !failedNow ? t.history.count(list.data.count) : "\u00a0"}
        </p>
        {canOperate && <CompareSelected ids={selectedIds} />}
        {canOperate && allMatching && (
          <BulkDeleteMatching
            query={query}
            total={total}
            onClear={() => select(selectedIds, false)}
            onDone={(deleted, live) => {
              setSelection({ key: "", ids: new Set() });
              setAllMatchingKey("");
              setNotice(t.bulk.deletedMatching(deleted, live));
            }}
          />
        )}
        {canOperate && !allMatching && (
          <BulkDelete
            ids={selectedIds}
            onClear={() => select(selectedIds, false)}
            onDone={(n) => {
              setSelection({ key: "", ids: new Set() });
              setNotice(t.bulk.deleted(n));
            }}
          />
        )}
        {canOperate && offerAllMatching && (
          <Button variant="ghost" onClick={() => setAllMatchingKey(queryKey)}>
            {t.bulk.selectMatching(total)}
          </Button>
        )}
        <p role="status" className="text-sm text-green-800">
          {notice}
        </p>
        <div className="ml-auto flex flex-wrap items-center gap-3">
          <TimeDisplayToggle />
          <SavedFiltersMenu search={search} />
          <ExportCsvLink search={search} />
          <SortSelect ordering={search.ordering} onSort={sort} />
        </div>
      </div>
      {newJobs > 0 && (
        <NewJobsBar
          count={newJobs}
          onShow={() => {
            window.scrollTo({ top: 0 });
            if (search.page > 1) void setSearch({ page: null });
            else void list.refetch();
          }}
        />
      )}
      {list.isError && !failedNow && <ErrorState title={t.history.error} error={list.error} onRetry={() => void list.refetch()} />}
      {failedNow ? (
        <ErrorState title={t.history.error} error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      ) : !list.data ? (
        <JobTableSkeleton rows={Math.min(search.size, 20)} selectable={canOperate} />
      ) : rows.length === 0 ? (
        <div className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-16 text-center">
          <p className="font-medium text-slate-800">{list.data.count > 0 ? t.history.pastEnd : filtered ? t.history.empty : t.history.emptyAll}</p>
          {list.data.count > 0 ? (
            <Button className="mt-3" onClick={() => void setSearch({ page: null })}>
              {t.history.firstPage}
            </Button>
          ) : filtered ? (
            <p className="mt-1 text-sm text-slate-500">{t.history.emptyFiltered}</p>
          ) : null}
        </div>
      ) : (
        <div id="job-list" tabIndex={-1} className="scroll-mt-4 focus:outline-none">
          {wide ? (
            <JobTable
              jobs={rows}
              selectable={canOperate}
              ordering={search.ordering}
              onSort={sort}
              selected={selected}
              onSelect={(id, on) => select([id], on)}
              onSelectPage={(on) =>
                select(
                  rows.filter((j) => isDeletable(j.state)).map((j) => j.id),
                  on,
                )
              }
              busy={list.isPlaceholderData}
            />
          ) : (
            <JobCardList jobs={rows} selectable={canOperate} selected={selected} onSelect={(id, on) => select([id], on)} busy={list.isPlaceholderData} />
          )}
        </div>
      )}
      <Pagination
        page={search.page}
        size={search.size}
        count={failedNow ? null : (list.data?.count ?? null)}
        onPage={(page) => void setSearch({ page: page <= 1 ? null : page }, { scroll: true })}
        onSize={(size) => void setSearch({ size, page: null })}
      />
    </div>
  );
}
