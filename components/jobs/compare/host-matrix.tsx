"use client";

import type { HostComparison, HostSide } from "@/lib/contracts/job-compare";
import { useI18n } from "../../i18n/i18n-provider";
import { HostStatusBadge } from "../../hosts/host-status-badge";

/** Each host × A/B: its own status in each run; a host whose status differs is highlighted. */
export function HostMatrix({ hosts }: { hosts: HostComparison[] }) {
  const { t } = useI18n();
  if (hosts.length === 0) return <p className="text-sm text-slate-600">{t.compare.noHosts}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" aria-label={t.compare.hostMatrix}>
        <thead>
          <tr className="text-left text-slate-500">
            <th className="py-1 pr-3 font-medium">{t.compare.host}</th>
            <th className="py-1 pr-3 font-medium">{t.compare.runA}</th>
            <th className="py-1 font-medium">{t.compare.runB}</th>
          </tr>
        </thead>
        <tbody>
          {hosts.map((h) => (
            <tr key={h.host} data-differs={h.differs} className={`border-t border-slate-100 align-top ${h.differs ? "bg-amber-50" : ""}`}>
              <th scope="row" className="py-1.5 pl-1 pr-3 text-left font-medium">
                {h.differs && <span className="sr-only">≠ </span>}
                {h.host}
              </th>
              <td className="py-1.5 pr-3">
                <HostCell side={h.a} missing={t.compare.onlyIn(t.compare.runB)} />
              </td>
              <td className="py-1.5">
                <HostCell side={h.b} missing={t.compare.onlyIn(t.compare.runA)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function HostCell({ side, missing }: { side: HostSide | null; missing: string }) {
  const { t } = useI18n();
  if (!side) return <span className="text-slate-400">{`${t.none} (${missing})`}</span>;
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
      <HostStatusBadge status={side.status} />
      <span className="font-mono text-xs text-slate-500">{t.hosts.countsText(side)}</span>
      {side.first_failed_task && <span className="w-full text-xs text-red-800">{t.compare.firstFailed(side.first_failed_task)}</span>}
    </div>
  );
}
