"use client";

import { Spinner } from "../ui/spinner";
import { useJobLabels } from "../i18n/i18n-provider";

const COLORS: Record<string, string> = {
  new: "bg-slate-100 text-slate-700 ring-slate-300",
  pending: "bg-violet-50 text-violet-800 ring-violet-300",
  waiting: "bg-amber-50 text-amber-800 ring-amber-300",
  running: "bg-blue-50 text-blue-800 ring-blue-300",
  successful: "bg-green-50 text-green-800 ring-green-300",
  failed: "bg-red-50 text-red-800 ring-red-300",
  canceled: "bg-slate-100 text-slate-600 ring-slate-300",
  error: "bg-rose-100 text-rose-900 ring-rose-400",
};

export function StateBadge({ state, name }: { state: string; name?: string }) {
  const labels = useJobLabels();
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${COLORS[state] ?? COLORS.new}`}>
      {state === "running" ? (
        <Spinner className="size-3" />
      ) : state === "waiting" ? (
        <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-amber-500" />
      ) : null}
      {labels.state(state, name)}
    </span>
  );
}
