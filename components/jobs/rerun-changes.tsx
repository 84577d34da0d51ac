"use client";

import { lineDiff } from "@/lib/text/line-diff";
import { FLAG_OPTIONS, type OptionChange } from "@/lib/jobs/rerun";
import { useI18n, useJobLabels } from "../i18n/i18n-provider";

/** What the edited re-run changes against the original job. */
export function RerunChanges({ changes }: { changes: OptionChange[] }) {
  const { t } = useI18n();
  const labels = useJobLabels();
  const show = (c: OptionChange, v: string | number) => {
    if ((FLAG_OPTIONS as readonly string[]).includes(c.key)) return labels.flag(Number(v));
    if (c.key === "job_type") return labels.jobType(String(v));
    return v === "" ? t.rerun.empty : String(v);
  };
  return (
    <section aria-label={t.rerun.changes} className="rounded-md border border-slate-200 bg-slate-50 p-3">
      <h3 className="text-sm font-semibold text-slate-800">{t.rerun.changes}</h3>
      {changes.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">{t.rerun.noChanges}</p>
      ) : (
        <ul className="mt-2 space-y-2 text-sm">
          {changes.map((c) => (
            <li key={c.key}>
              <span className="font-medium">{t.fields[c.key]}</span>
              {c.key === "variables" ? (
                <VariablesDiff before={String(c.before)} after={String(c.after)} />
              ) : (
                <span>
                  {": "}
                  <del className="text-red-700">{show(c, c.before)}</del> → <ins className="text-green-800 no-underline">{show(c, c.after)}</ins>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function VariablesDiff({ before, after }: { before: string; after: string }) {
  const lines = lineDiff(before.trim(), after.trim());
  return (
    <pre className="mt-1 max-h-48 overflow-auto rounded border border-slate-200 bg-white p-2 font-mono text-xs leading-relaxed">
      {lines.map((l, i) => (
        <div key={i} className={l.op === "add" ? "bg-green-50 text-green-900" : l.op === "del" ? "bg-red-50 text-red-900" : "text-slate-600"}>
          {l.op === "add" ? "+ " : l.op === "del" ? "- " : "  "}
          {l.text}
        </div>
      ))}
    </pre>
  );
}
