"use client";

import type { HostStatus } from "@/lib/jobs/enums";
import { useI18n } from "../i18n/i18n-provider";

const COLORS: Record<HostStatus, string> = {
  unreachable: "bg-rose-100 text-rose-900 ring-rose-400",
  failed: "bg-red-50 text-red-800 ring-red-300",
  changed: "bg-amber-50 text-amber-800 ring-amber-300",
  ok: "bg-green-50 text-green-800 ring-green-300",
  skipped: "bg-slate-100 text-slate-600 ring-slate-300",
};

/** A host's own status in a job (not the job's). */
export function HostStatusBadge({ status }: { status: HostStatus }) {
  const { t } = useI18n();
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${COLORS[status]}`}>
      {t.hosts.status[status]}
    </span>
  );
}
