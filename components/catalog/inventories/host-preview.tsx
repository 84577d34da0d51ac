"use client";

import { useDeferredValue, useMemo } from "react";
import { parseHosts } from "@/lib/inventory/parse-hosts";
import { useCatalogText } from "../use-catalog-text";

const SHOWN = 200;

/** The hosts the content names, parsed as the API will parse it, while it is typed. */
export function HostPreview({ content }: { content: string }) {
  const { c } = useCatalogText();
  const deferred = useDeferredValue(content);
  const parsed = useMemo(() => parseHosts(deferred), [deferred]);
  return (
    <section aria-labelledby="hosts-title" className="md:col-span-2">
      <h3 id="hosts-title" className="mb-1 text-xs font-medium text-slate-700">
        {c.inventories.parsedHosts(parsed.ok ? parsed.hosts.length : 0)}
      </h3>
      {!parsed.ok ? (
        <p className="text-xs text-amber-800">{parsed.error}</p>
      ) : parsed.hosts.length === 0 ? (
        <p className="text-xs text-slate-500">{c.inventories.noHosts}</p>
      ) : (
        <ul aria-label={c.inventories.hosts} className="flex max-h-40 flex-wrap gap-1.5 overflow-y-auto">
          {parsed.hosts.slice(0, SHOWN).map((h) => (
            <li key={h} className="rounded bg-slate-100 px-2 py-0.5 font-mono text-[13px] text-slate-800">
              {h}
            </li>
          ))}
          {parsed.hosts.length > SHOWN && <li className="px-1 text-xs text-slate-500">{c.inventories.more(parsed.hosts.length)}</li>}
        </ul>
      )}
    </section>
  );
}
