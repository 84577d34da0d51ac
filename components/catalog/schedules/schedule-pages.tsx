"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FieldErrors } from "@/lib/api/http";
import type { ScheduleRecord } from "@/lib/catalog/catalog-records";
import { historyHref } from "@/lib/jobs/history-search";
import { buttonClass } from "../../ui/button";
import { ActionError } from "../form/action-error";
import { PageHeader } from "../form/page-header";
import { DeleteButton } from "../list/delete-button";
import { LastRun } from "../list/last-run";
import { ResourceList } from "../list/resource-list";
import { useCatalogItem } from "../use-catalog-queries";
import { useCatalogText } from "../use-catalog-text";
import { EnabledSwitch } from "./enabled-switch";
import { RunNowButton, RunResultBanner, type RunResult } from "./run-now";
import { ScheduleForm } from "./schedule-form";
import { ForRole } from "../../auth/for-role";
import { NoPermission } from "../../auth/no-permission";
import { CronText, LastError, NextRun } from "./schedule-status";

export function ScheduleList() {
  const { t, c } = useCatalogText();
  const [result, setResult] = useState<RunResult | null>(null);
  const [toggleError, setToggleError] = useState<FieldErrors | null>(null);
  return (
    <ResourceList
      kind="schedule"
      basePath="/schedules"
      title={c.schedules.title}
      newLabel={c.schedules.new}
      tableLabel={c.schedules.table}
      banner={
        <>
          <RunResultBanner result={result} />
          <ActionError title={c.common.saveFailed} errors={toggleError} />
        </>
      }
      actions={(s) => (
        <>
          <RunNowButton id={s.id} name={s.name} compact onResult={setResult} />
          <Link href={historyHref({ schedule: s.id })} aria-label={c.schedules.jobsOf(s.name)} className={buttonClass("ghost", "h-8 px-2")}>
            {c.schedules.jobs}
          </Link>
        </>
      )}
      columns={[
        {
          key: "template",
          header: t.fields.template,
          className: "hidden md:table-cell",
          cell: (s) =>
            s.template_name ? (
              <Link href={`/templates/${s.template}`} className="text-blue-800 hover:underline">
                {s.template_name}
              </Link>
            ) : (
              <span className="text-slate-500">#{s.template}</span>
            ),
        },
        { key: "cron", header: c.schedules.cron, cell: (s) => <CronText cron={s.cron} timezone={s.timezone} /> },
        {
          key: "next",
          header: c.schedules.nextRun,
          className: "hidden sm:table-cell",
          cell: (s) => (
            <>
              <NextRun schedule={s} />
              {s.last_error && (
                <p className="mt-1 max-w-64 text-xs text-amber-800" title={s.last_error}>
                  ⚠ {c.schedules.lastError}：{s.last_error}
                </p>
              )}
            </>
          ),
        },
        { key: "last_run", header: c.common.lastRun, cell: (s) => <LastRun record={s} /> },
        { key: "enabled", header: c.schedules.enabled, cell: (s) => <EnabledSwitch schedule={s} onError={setToggleError} /> },
      ]}
    />
  );
}

export function NewSchedule({ template }: { template: number | null }) {
  const { c } = useCatalogText();
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <PageHeader title={c.schedules.new} backHref="/schedules" />
      <ForRole role="operator" fallback={<NoPermission />}>
        <ScheduleForm template={template} />
      </ForRole>
    </div>
  );
}

export function ScheduleEdit({ initial }: { initial: ScheduleRecord }) {
  const { c } = useCatalogText();
  const router = useRouter();
  const schedule = useCatalogItem("schedule", initial.id, initial).data ?? initial;
  const [result, setResult] = useState<RunResult | null>(null);
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <PageHeader
        title={c.schedules.editTitle(schedule.name)}
        backHref="/schedules"
        actions={
          <>
            <Link href={historyHref({ schedule: schedule.id })} className={buttonClass("ghost")}>
              {c.schedules.jobs}
            </Link>
            <DeleteButton kind="schedule" id={schedule.id} name={schedule.name} onDeleted={() => router.push("/schedules")} />
            <RunNowButton id={schedule.id} name={schedule.name} onResult={setResult} />
          </>
        }
      >
        <dl className="flex flex-wrap gap-x-8 gap-y-1 text-sm">
          <div className="flex gap-2">
            <dt className="text-slate-500">{c.schedules.nextRun}</dt>
            <dd data-testid="next-run">
              <NextRun schedule={schedule} />
            </dd>
          </div>
          <div className="flex gap-2">
            <dt className="text-slate-500">{c.schedules.enabled}</dt>
            <dd>{schedule.enabled ? c.schedules.enabledState.on : c.schedules.enabledState.off}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="text-slate-500">{c.common.lastRun}</dt>
            <dd>
              <LastRun record={schedule} inline />
            </dd>
          </div>
        </dl>
      </PageHeader>
      <RunResultBanner result={result} />
      <LastError error={schedule.last_error} />
      <ScheduleForm schedule={schedule} />
    </div>
  );
}
