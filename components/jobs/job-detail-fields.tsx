"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { FLAG_OPTIONS, TEXT_OPTIONS } from "@/lib/contracts/job";
import { historyHref, type HistorySearch } from "@/lib/jobs/history-search";
import type { JobRecord } from "@/lib/jobs/job-record";
import { useI18n, useJobLabels } from "../i18n/i18n-provider";
import { LocalTime } from "../ui/local-time";
import { JobDuration } from "./job-duration";
import { JobRevision } from "./job-revision";
import { FieldList, type FieldRow } from "./job-field-list";
import { StateBadge } from "./state-badge";

type RefKey = "template" | "inventory" | "credential" | "project" | "schedule";

/** A referenced object's recorded name, linked to the history filtered by it. */
function RefLink({ job, kind }: { job: JobRecord; kind: RefKey }) {
  const { t } = useI18n();
  const id = job[kind];
  if (id === null) return <None />;
  const name = job[`${kind}_name`] ?? `#${id}`;
  return (
    <FilterLink filter={{ [kind]: id }} title={t.detail.filterBy(t.fields[kind], name)}>
      {name}
    </FilterLink>
  );
}

function FilterLink({ filter, title, children }: { filter: Partial<HistorySearch>; title: string; children: ReactNode }) {
  return (
    <Link href={historyHref(filter)} title={title} className="text-blue-800 underline decoration-blue-300 underline-offset-2 hover:decoration-blue-800">
      {children}
    </Link>
  );
}

function None() {
  const { t } = useI18n();
  return <span className="text-slate-500">{t.none}</span>;
}

const text = (v: string) => (v ? <span className="font-mono text-[13px]">{v}</span> : <None />);

export function OverviewFields({ job }: { job: JobRecord }) {
  const { t } = useI18n();
  const labels = useJobLabels();
  const f = t.fields;
  const rows: FieldRow[] = [
    { label: f.state, value: <StateBadge state={job.state} name={job.state_name} /> },
    {
      label: f.kind,
      value: (
        <FilterLink filter={{ kind: job.kind as HistorySearch["kind"] }} title={t.detail.filterBy(f.kind, labels.kind(job.kind, job.kind_name))}>
          {labels.kind(job.kind, job.kind_name)}
        </FilterLink>
      ),
    },
    { label: f.template, value: <RefLink job={job} kind="template" /> },
    { label: f.project, value: <RefLink job={job} kind="project" /> },
  ];
  if (job.scm_revision) rows.push({ label: f.scm_revision, value: <JobRevision revision={job.scm_revision} /> });
  if (job.kind === "adhoc") rows.push({ label: f.module, value: text(job.module) }, { label: f.arguments, value: text(job.arguments) });
  else rows.push({ label: f.playbook, value: text(job.playbook) });
  rows.push({ label: f.inventory, value: <RefLink job={job} kind="inventory" /> }, { label: f.credential, value: <RefLink job={job} kind="credential" /> });
  if (job.inventory_str)
    rows.push({ label: f.inventory_str, value: <pre className="whitespace-pre-wrap font-mono text-[13px]">{job.inventory_str}</pre>, wide: true });
  rows.push(
    { label: f.schedule, value: <RefLink job={job} kind="schedule" /> },
    {
      label: f.user,
      value: (
        <FilterLink filter={{ cuser: job.cuser }} title={t.detail.filterBy(f.user, job.user)}>
          {job.user || `#${job.cuser}`}
        </FilterLink>
      ),
    },
    {
      label: f.job,
      value:
        job.job === null ? (
          <None />
        ) : (
          <Link href={`/jobs/${job.job}`} className="text-blue-800 underline decoration-blue-300 underline-offset-2">
            {t.detail.rerunOf(job.job)}
          </Link>
        ),
    },
  );
  return <FieldList rows={rows} />;
}

/** The options with a row of their own above; a text or flag option added later gets a plain row after them. */
const SHOWN: readonly string[] = ["limit", "tags", "skip_tags", "become_enabled", "diff_mode", "force_handlers", "start_at_task"];

export function OptionFields({ job }: { job: JobRecord }) {
  const { t } = useI18n();
  const labels = useJobLabels();
  const f = t.fields;
  return (
    <FieldList
      rows={[
        { label: f.job_type, value: labels.jobType(job.job_type) },
        { label: f.forks, value: job.forks === 0 ? `0 (${t.history.defaultForks})` : job.forks },
        { label: f.limit, value: text(job.limit) },
        { label: f.verbosity, value: `${job.verbosity} (${job.verbosity_name})` },
        { label: f.tags, value: text(job.tags) },
        { label: f.skip_tags, value: text(job.skip_tags) },
        { label: f.become_enabled, value: labels.flag(job.become_enabled, job.become_enabled_name) },
        { label: f.diff_mode, value: labels.flag(job.diff_mode, job.diff_mode_name) },
        { label: f.force_handlers, value: labels.flag(job.force_handlers, job.force_handlers_name) },
        { label: f.start_at_task, value: text(job.start_at_task) },
        { label: f.timeout, value: job.timeout > 0 ? t.detail.seconds(job.timeout) : t.detail.noTimeout },
        ...TEXT_OPTIONS.filter((k) => !SHOWN.includes(k)).map((k) => ({ label: f[k], value: text(job[k]) })),
        ...FLAG_OPTIONS.filter((k) => !SHOWN.includes(k)).map((k) => ({ label: f[k], value: labels.flag(job[k]) })),
      ]}
    />
  );
}

export function TimingFields({ job }: { job: JobRecord }) {
  const { t } = useI18n();
  const f = t.fields;
  return (
    <FieldList
      rows={[
        { label: f.ctime, value: <LocalTime value={job.ctime} /> },
        { label: f.start_time, value: <LocalTime value={job.start_time} /> },
        { label: f.finish_time, value: <LocalTime value={job.finish_time} /> },
        { label: f.duration, value: <JobDuration job={job} /> },
      ]}
    />
  );
}
