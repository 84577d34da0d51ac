"use client";

import { Button } from "../../ui/button";
import { useCatalogText } from "../use-catalog-text";

export function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (p: number) => void }) {
  const { c } = useCatalogText();
  if (pages <= 1) return null;
  return (
    <nav aria-label={c.common.pagination} className="flex items-center justify-end gap-2 text-sm">
      <Button onClick={() => onPage(page - 1)} disabled={page <= 1}>
        {c.common.prev}
      </Button>
      <span className="min-w-24 text-center tabular-nums text-slate-700">{c.common.page(page, pages)}</span>
      <Button onClick={() => onPage(page + 1)} disabled={page >= pages}>
        {c.common.next}
      </Button>
    </nav>
  );
}
