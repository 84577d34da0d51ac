"use client";

import { useMemo, useState } from "react";
import type { TaskComparison, TaskResult } from "@/lib/contracts/job-compare";
import { useI18n } from "../../i18n/i18n-provider";
import { Panel } from "../job-field-list";

const RESULT_COLORS: Record<TaskResult, string> = {
  ok: "text-green-800",
  changed: "text-amber-800",
  failed: "text-red-800 font-semibold",
  unreachable: "text-rose-900 font-semibold",
  skipped: "text-slate-500",
  rescued: "text-violet-800",
  ignored: "text-slate-600",
  absent: "text-slate-400",
};

/**
 * Tasks (rows, as they ran) × hosts (columns): each cell the host's result in A and in B,
 * highlighted where they differ; "only differences" keeps the tasks and hosts that differ.
 */
export function TaskTable({ tasks }: { tasks: TaskComparison[] }) {
  const { t } = useI18n();
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const shown = useMemo(() => (onlyDifferences ? tasks.filter((task) => task.differs) : tasks), [tasks, onlyDifferences]);
  const hosts = useMemo(() => {
    const names = new Set<string>();
    for (const task of shown) for (const r of task.results) if (!onlyDifferences || r.differs) names.add(r.host);
    return [...names].sort();
  }, [shown, onlyDifferences]);

  const toggle = (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      <input type="checkbox" className="size-4 accent-blue-700" checked={onlyDifferences} onChange={(e) => setOnlyDifferences(e.target.checked)} />
      {t.compare.onlyDifferences}
    </label>
  );
  return (
    <Panel title={t.compare.tasks} actions={tasks.length > 0 ? toggle : undefined}>
      {tasks.length === 0 ? (
        <p className="text-sm text-slate-600">{t.compare.noTasks}</p>
      ) : shown.length === 0 ? (
        <p className="text-sm text-slate-600">{t.compare.noDifferentTasks}</p>
      ) : (
        <div className="max-h-[32rem] overflow-auto">
          <table className="text-sm" aria-label={t.compare.taskTable}>
            <thead className="sticky top-0 z-10 bg-white">
              <tr className="text-left text-slate-500">
                <th className="sticky left-0 bg-white py-1 pr-3 font-medium">{t.compare.task}</th>
                {hosts.map((host) => (
                  <th key={host} className="whitespace-nowrap px-2 py-1 font-medium">
                    {host}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((task) => (
                <TaskRow key={`${task.handler}-${task.play}-${task.name}-${task.occurrence}`} task={task} hosts={hosts} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}

function TaskRow({ task, hosts }: { task: TaskComparison; hosts: string[] }) {
  const { t } = useI18n();
  const byHost = new Map(task.results.map((r) => [r.host, r]));
  const onlyIn = !task.in_a ? t.compare.runB : !task.in_b ? t.compare.runA : null;
  return (
    <tr className="border-t border-slate-100 align-top">
      <th scope="row" className="sticky left-0 max-w-72 bg-white py-1.5 pr-3 text-left font-normal">
        <span className="font-medium text-slate-800">{task.name || t.none}</span>
        {task.occurrence > 1 && <span className="text-slate-500"> ×{task.occurrence}</span>}
        {task.handler && <span className="ml-1 rounded bg-slate-100 px-1 text-xs text-slate-600">{t.compare.handler}</span>}
        <span className="block text-xs text-slate-500">
          {task.play}
          {(task.path_a || task.path_b) && ` · ${task.path_a || task.path_b}`}
        </span>
        {onlyIn && <span className="block text-xs text-amber-800">{t.compare.taskOnlyIn(onlyIn)}</span>}
      </th>
      {hosts.map((host) => {
        const r = byHost.get(host);
        const a: TaskResult = r?.a ?? "absent";
        const b: TaskResult = r?.b ?? "absent";
        const label = t.compare.cell(host, t.compare.result[a], t.compare.result[b]);
        return (
          <td
            key={host}
            aria-label={label}
            title={label}
            data-differs={r?.differs ?? false}
            className={`whitespace-nowrap px-2 py-1.5 text-xs ${r?.differs ? "bg-amber-100 ring-1 ring-inset ring-amber-300" : ""}`}
          >
            <span className={RESULT_COLORS[a]}>{t.compare.result[a]}</span>
            <span className="px-1 text-slate-400">→</span>
            <span className={RESULT_COLORS[b]}>{t.compare.result[b]}</span>
          </td>
        );
      })}
    </tr>
  );
}
