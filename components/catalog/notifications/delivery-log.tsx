"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { EmptyState, QueryState } from "../../ui/query-state";
import { LocalTime } from "../../ui/local-time";
import { useClock } from "../../clock/use-clock";
import { Pager } from "../list/pager";
import { useDeliveries } from "./notification-queries";
import { useNotificationText } from "./use-notification-text";

const PAGE_SIZE = 20;

/** Every attempt to deliver the notification, newest first, a page at a time. */
export function DeliveryLog({ id }: { id: number }) {
  const { n } = useNotificationText();
  const clock = useClock();
  const [page, setPage] = useState(1);
  const query = useMemo(() => new URLSearchParams({ limit: String(PAGE_SIZE), offset: String((page - 1) * PAGE_SIZE) }), [page]);
  const log = useDeliveries(id, query);
  const rows = log.data?.results ?? [];
  const pages = log.data ? Math.max(1, Math.ceil(log.data.count / PAGE_SIZE)) : 1;

  return (
    <section aria-labelledby="deliveries-title" className="space-y-2">
      <h2 id="deliveries-title" className="text-base font-semibold">
        {n.deliveries}
      </h2>
      <QueryState query={log} errorTitle={n.loadFailed} compact isEmpty={() => rows.length === 0} empty={<EmptyState compact>{n.noDeliveries}</EmptyState>}>
        {() => (
          <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{n.deliveriesTable}</caption>
              <thead className="bg-slate-50 text-xs text-slate-600">
                <tr>
                  {[n.time, n.event, n.job, n.attempt, n.status, n.responseCode, n.error].map((h) => (
                    <th key={h} scope="col" className="px-3 py-2 font-medium">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((d) => (
                  <tr key={d.id} className="border-t border-slate-100 align-top">
                    <td className="whitespace-nowrap px-3 py-2">
                      <LocalTime value={d.time} />
                    </td>
                    <td className="whitespace-nowrap px-3 py-2">{n.eventNames[d.event]}</td>
                    <td className="px-3 py-2">
                      {d.job === null ? (
                        <span className="text-slate-400">—</span>
                      ) : (
                        <Link href={`/jobs/${d.job}`} className="text-blue-800 hover:underline">
                          #{d.job}
                        </Link>
                      )}
                    </td>
                    <td className="px-3 py-2 tabular-nums">{d.attempt}</td>
                    <td className="whitespace-nowrap px-3 py-2">
                      <span
                        className={`rounded px-1.5 py-0.5 text-xs ring-1 ring-inset ${d.status === "ok" ? "bg-green-50 text-green-800 ring-green-300" : "bg-red-50 text-red-800 ring-red-300"}`}
                      >
                        {n.statusNames[d.status]}
                      </span>
                    </td>
                    <td className="px-3 py-2 tabular-nums">{d.response_code ?? "—"}</td>
                    <td className="max-w-md px-3 py-2 text-xs break-words text-slate-700">
                      {d.error}
                      {d.retry_at !== null && <span className="block text-slate-500">{n.retryAt(clock.zone ? clock.exact(d.retry_at) : "")}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
      {pages > 1 && <Pager page={page} pages={pages} onPage={setPage} />}
    </section>
  );
}
