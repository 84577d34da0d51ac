"use client";

import type { JobComparison, OptionDifference } from "@/lib/contracts/job-compare";
import { FLAG_OPTIONS, type JobFieldKey } from "@/lib/contracts/job";
import type { JobRecord } from "@/lib/jobs/job-record";
import { useI18n, useJobLabels } from "../../i18n/i18n-provider";

const REFERENCES = ["template", "inventory", "credential", "project"] as const;

/** The run options that differ between A and B, each as its label and both values. */
export function OptionDifferences({ comparison }: { comparison: JobComparison }) {
  const { t } = useI18n();
  if (comparison.options.length === 0) return <p className="text-sm text-slate-600">{t.compare.sameOptions}</p>;
  return (
    <table className="w-full table-fixed text-sm" aria-label={t.compare.options}>
      <thead>
        <tr className="text-left text-slate-500">
          <th className="w-48 py-1 pr-3 font-medium">{t.compare.field}</th>
          <th className="py-1 pr-3 font-medium">
            {t.compare.runA} · #{comparison.a.id}
          </th>
          <th className="py-1 font-medium">
            {t.compare.runB} · #{comparison.b.id}
          </th>
        </tr>
      </thead>
      <tbody>
        {comparison.options.map((option) => (
          <tr key={option.field} className="border-t border-slate-100 align-top">
            <th scope="row" className="py-1.5 pr-3 text-left font-medium text-slate-700">
              {(t.fields as Record<string, string>)[option.field] ?? option.field}
            </th>
            <td className="py-1.5 pr-3">
              <OptionValue job={comparison.a} option={option} value={option.a} />
            </td>
            <td className="py-1.5">
              <OptionValue job={comparison.b} option={option} value={option.b} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function OptionValue({ job, option, value }: { job: JobRecord; option: OptionDifference; value: OptionDifference["a"] }) {
  const { t } = useI18n();
  const labels = useJobLabels();
  const field = option.field as JobFieldKey;
  let text: string;
  if ((REFERENCES as readonly string[]).includes(field)) {
    const name = job[`${field as (typeof REFERENCES)[number]}_name`];
    text = value === null ? t.none : (name ?? `#${value}`);
  } else if ((FLAG_OPTIONS as readonly string[]).includes(field)) text = labels.flag(Number(value));
  else if (field === "job_type") text = labels.jobType(String(value));
  else if (field === "kind") text = labels.kind(String(value));
  else text = value === null ? t.none : String(value);
  if (text === "") return <span className="text-slate-400">{t.compare.empty}</span>;
  return <pre className="whitespace-pre-wrap break-all font-mono text-[13px] text-slate-800">{text}</pre>;
}
