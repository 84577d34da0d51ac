"use client";

import Link from "next/link";
import type { JobComparison } from "@/lib/contracts/job-compare";
import { comparePagePath } from "@/lib/jobs/compare-api";
import { useI18n } from "../../i18n/i18n-provider";
import { ErrorState } from "../../ui/error-state";
import { Panel } from "../job-field-list";
import { CompareHeader } from "./compare-header";
import { HostMatrix } from "./host-matrix";
import { OptionDifferences } from "./option-differences";
import { OutputDiff } from "./output-diff";
import { TaskTable } from "./task-table";
import { useComparison } from "./use-compare-queries";

/** Two runs side by side: who and when, the options that differ, hosts, tasks and the output diff. */
export function JobCompare({ initial }: { initial: JobComparison }) {
  const { t } = useI18n();
  const query = useComparison(initial.a.id, initial.b.id, initial);
  const comparison = query.data;
  const { a, b } = comparison;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <Link href={`/jobs/${b.id}`} className="mb-2 inline-block text-sm text-blue-800 hover:underline">
            ← {t.compare.back(b.id)}
          </Link>
          <h1 className="text-xl font-semibold">{t.compare.title(a.id, b.id)}</h1>
        </div>
        <Link href={comparePagePath(b.id, a.id)} className="text-sm text-blue-800 hover:underline">
          ⇄ {t.compare.swap}
        </Link>
      </div>
      {query.isError && <ErrorState title={t.compare.loadFailed} error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />}
      <CompareHeader a={a} b={b} />
      <Panel title={t.compare.options}>
        <OptionDifferences comparison={comparison} />
      </Panel>
      <Panel title={t.compare.hosts}>
        <HostMatrix hosts={comparison.hosts} />
      </Panel>
      <TaskTable tasks={comparison.tasks} />
      <Panel title={t.compare.output}>
        <OutputDiff a={a.id} b={b.id} />
      </Panel>
    </div>
  );
}
