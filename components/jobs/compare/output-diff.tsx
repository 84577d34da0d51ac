"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useMemo, useRef } from "react";
import type { DiffRow } from "@/lib/contracts/job-compare";
import { useI18n } from "../../i18n/i18n-provider";
import { ErrorState } from "../../ui/error-state";
import { Spinner } from "../../ui/spinner";
import { AnsiText } from "../output/ansi-text";
import { useOutputDiff } from "./use-compare-queries";

const ROW_PX = 20;

const SIDE_COLORS: Record<DiffRow["kind"], { a: string; b: string }> = {
  equal: { a: "", b: "" },
  changed: { a: "bg-amber-500/20", b: "bg-amber-500/20" },
  only_a: { a: "bg-red-500/25", b: "bg-slate-900" },
  only_b: { a: "bg-slate-900", b: "bg-green-500/25" },
};

/**
 * The two outputs aligned line by line in two columns, rendered virtually (only the rows
 * in view are in the DOM) and fetched from the server window by window as the viewer scrolls.
 */
export function OutputDiff({ a, b }: { a: number; b: number }) {
  const { t } = useI18n();
  const diff = useOutputDiff(a, b);
  const rows = useMemo(() => diff.data?.pages.flatMap((p) => p.rows) ?? [], [diff.data]);
  const first = diff.data?.pages[0];
  const box = useRef<HTMLDivElement>(null);
  const count = rows.length + (diff.hasNextPage ? 1 : 0);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's own state drives re-renders
  const v = useVirtualizer({ count, getScrollElement: () => box.current, estimateSize: () => ROW_PX, overscan: 30 });
  const items = v.getVirtualItems();
  const last = items.at(-1)?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = diff;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && last >= rows.length - 50) void fetchNextPage();
  }, [last, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (diff.isError && !diff.data)
    return <ErrorState title={t.compare.loadFailed} error={diff.error} onRetry={() => void diff.refetch()} retrying={diff.isFetching} />;
  if (!first)
    return (
      <p className="flex items-center gap-2 text-sm text-slate-500" role="status">
        <Spinner /> {t.loading}
      </p>
    );
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">
        {t.compare.outputHint} {t.compare.lines(first.a_total, first.b_total)}
      </p>
      <div
        ref={box}
        tabIndex={0}
        role="table"
        aria-label={t.compare.outputTable}
        aria-rowcount={diff.hasNextPage ? -1 : rows.length}
        data-testid="output-diff"
        className="max-h-[min(70vh,40rem)] min-h-16 overflow-auto rounded bg-slate-950 font-mono text-[13px] leading-5 text-slate-200 focus-visible:outline-2 focus-visible:outline-blue-500"
      >
        <div className="relative w-full" style={{ height: v.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            return (
              <div
                key={item.key}
                ref={v.measureElement}
                data-index={item.index}
                className="absolute left-0 top-0 w-full"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {row ? (
                  <div role="row" data-kind={row.kind} aria-label={t.compare.kind[row.kind]} className="grid grid-cols-2 hover:bg-white/5">
                    <Side line={row.a} color={SIDE_COLORS[row.kind].a} />
                    <Side line={row.b} color={SIDE_COLORS[row.kind].b} divider />
                  </div>
                ) : (
                  <p className="flex items-center gap-2 px-3 text-slate-400" role="status">
                    <Spinner className="size-3" /> {t.compare.loadingMore}
                  </p>
                )}
              </div>
            );
          })}
        </div>
        {!diff.hasNextPage && rows.length > 0 && <p className="border-t border-slate-800 px-3 py-1 text-center text-xs text-slate-500">{t.compare.end}</p>}
      </div>
    </div>
  );
}

function Side({ line, color, divider = false }: { line: DiffRow["a"]; color: string; divider?: boolean }) {
  return (
    <div role="cell" className={`flex min-w-0 ${color} ${divider ? "border-l border-slate-700" : ""}`}>
      <span aria-hidden className="w-14 shrink-0 select-none pr-2 text-right tabular-nums text-slate-500">
        {line?.line ?? ""}
      </span>
      <span className="min-w-0 whitespace-pre-wrap break-all pl-2 pr-3">{line ? <AnsiText text={line.text} /> : null}</span>
    </div>
  );
}
