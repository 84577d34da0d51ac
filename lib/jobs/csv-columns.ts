import type { JobFieldKey, JobRecord } from "../contracts/job";
import type { CsvCell } from "../csv";
import { zh } from "../i18n/zh";
import { durationSeconds } from "./format";

/**
 * The columns of the job history's CSV export, in order: keys of the job record, and the
 * run's duration. A reference's name is headed by the reference's label (`template_name` → 模板).
 */
export const JOB_CSV_COLUMNS = [
  "id",
  "template_name",
  "kind_name",
  "state_name",
  "user",
  "project_name",
  "playbook",
  "module",
  "arguments",
  "inventory_name",
  "credential_name",
  "schedule_name",
  "limit",
  "job",
  "start_time",
  "finish_time",
  "duration",
  "explanation",
  "scm_revision",
] as const satisfies readonly (JobFieldKey | "duration")[];
type Column = (typeof JOB_CSV_COLUMNS)[number];

type LabelKey<K extends string> = K extends `${infer Reference}_name` ? Reference : K;
/** Every column has its Chinese label (a missing one does not compile). */
const LABELS: Record<LabelKey<Column>, string> = zh.fields;
const TIME_COLUMNS: readonly Column[] = ["start_time", "finish_time"];

const headerOf = (c: Column) => (c === "duration" ? `${LABELS.duration}（秒）` : LABELS[c.replace(/_name$/, "") as LabelKey<Column>]);
export const JOB_CSV_HEADERS: readonly string[] = JOB_CSV_COLUMNS.map(headerOf);

/**
 * A job's cells: the record's values, times as `clock` writes them (a wall clock in the
 * export's zone), the duration in seconds (so far, at `now`, while it runs).
 */
export function jobCsvCells(job: JobRecord, clock: (sec: number) => string, now: number): CsvCell[] {
  return JOB_CSV_COLUMNS.map((c) => {
    if (c === "duration") return durationSeconds(job, now);
    const value = job[c];
    return TIME_COLUMNS.includes(c) && typeof value === "number" ? clock(value) : value;
  });
}

/** The columns as docs/api.md lists them (a generated region). */
export function csvColumnTable(): string {
  const source = (c: Column) =>
    c === "duration"
      ? "seconds from `start_time` to `finish_time` (so far, while it runs)"
      : TIME_COLUMNS.includes(c)
        ? `\`${c}\`, as \`YYYY-MM-DD HH:MM:SS\` in the export's zone`
        : `\`${c}\``;
  return ["| header | value |", "|---|---|", ...JOB_CSV_COLUMNS.map((c) => `| ${headerOf(c)} | ${source(c)} |`)].join("\n");
}
