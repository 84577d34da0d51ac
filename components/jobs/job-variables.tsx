"use client";

import { useState } from "react";
import { defaultVariablesView, formatVariables, type VariablesView } from "@/lib/jobs/variables";
import { useI18n } from "../i18n/i18n-provider";
import { Panel } from "./job-field-list";

export function JobVariables({ variables }: { variables: string }) {
  const { t } = useI18n();
  const [view, setView] = useState<VariablesView>(() => defaultVariablesView(variables));
  const empty = variables.trim() === "";
  const shown = formatVariables(variables, view);
  const views: [VariablesView, string][] = [
    ["given", t.detail.asGiven],
    ["yaml", t.detail.asYaml],
    ["json", t.detail.asJson],
  ];
  return (
    <Panel
      title={t.detail.variables}
      actions={
        empty ? null : (
          <div role="group" aria-label={t.detail.variables} className="inline-flex rounded-md border border-slate-300 p-0.5 text-xs">
            {views.map(([v, label]) => (
              <button
                key={v}
                type="button"
                aria-pressed={view === v}
                onClick={() => setView(v)}
                className={`rounded px-2 py-0.5 focus-visible:outline-2 focus-visible:outline-blue-600 ${view === v ? "bg-slate-800 text-white" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {label}
              </button>
            ))}
          </div>
        )
      }
    >
      {empty ? (
        <p className="text-sm text-slate-500">{t.detail.variablesEmpty}</p>
      ) : (
        <>
          {!shown.ok && <p className="mb-2 text-xs text-amber-700">{t.detail.unparsable}</p>}
          <pre data-testid="job-variables" className="max-h-96 overflow-auto rounded bg-slate-900 p-3 font-mono text-[13px] leading-relaxed text-slate-100">
            {shown.text}
          </pre>
        </>
      )}
    </Panel>
  );
}
