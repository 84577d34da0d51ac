"use client";

import { useId } from "react";
import { PAGE_SIZES, type PageSize } from "@/lib/jobs/history-search";
import { Button } from "../ui/button";
import { useI18n } from "../i18n/i18n-provider";

type Props = { page: number; size: number; count: number | null; onPage: (p: number) => void; onSize: (s: PageSize) => void };

/** Page size, previous/next and "page x of y"; the count itself is shown above the table. */

export function Pagination({ page, size, count, onPage, onSize }: Props) {
  const { t } = useI18n();
  const sizeId = useId();
  const pages = count === null ? null : Math.max(1, Math.ceil(count / size));
  return (
    <nav aria-label={t.pagination.label} className="flex flex-wrap items-center justify-end gap-x-4 gap-y-2 text-sm">
      <div className="flex items-center gap-2 text-slate-600">
        <label htmlFor={sizeId}>{t.pagination.size}</label>
        <select
          id={sizeId}
          value={size}
          onChange={(e) => onSize(Number(e.target.value) as PageSize)}
          className="h-9 rounded-md border border-slate-300 bg-white px-2 text-slate-900 focus:border-blue-600 focus:outline-2 focus:outline-blue-600/30"
        >
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {t.pagination.perPage(n)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-2">
        <Button onClick={() => onPage(page - 1)} disabled={page <= 1}>
          {t.pagination.prev}
        </Button>
        <span className="min-w-24 text-center tabular-nums text-slate-700">{pages === null ? "\u00a0" : t.pagination.page(page, pages)}</span>
        <Button onClick={() => onPage(page + 1)} disabled={pages === null || page >= pages}>
          {t.pagination.next}
        </Button>
      </div>
    </nav>
  );
}
