"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { useCatalogText } from "../use-catalog-text";

/** Back to the list, the page's title and its actions (launch, run now, delete). */
export function PageHeader({ title, backHref, actions, children }: { title: string; backHref: string; actions?: ReactNode; children?: ReactNode }) {
  const { c } = useCatalogText();
  return (
    <div className="space-y-2">
      <Link href={backHref} className="inline-block text-sm text-blue-800 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600">
        ← {c.common.back}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h1 className="min-w-0 break-words text-xl font-semibold">{title}</h1>
        {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
      </div>
      {children}
    </div>
  );
}
