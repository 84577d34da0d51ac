/** What either source of the stats (the kept roll-ups or the jobs themselves) counts over a span of days. */
export type StatsCounts = {
  /** ended jobs per day and final state */
  states: { day: number; state: string; n: number }[];
  /** successful jobs per day and duration bucket */
  durations: { day: number; bucket: number; n: number }[];
  /** templates with failed or error runs, most first, at most `TOP` */
  templates: { template: number; failed: number; error: number; jobs: number }[];
  /** hosts with failed or unreachable results, most first, at most `TOP` */
  hosts: { host: string; failed: number; unreachable: number }[];
};

export const TOP = 10;

/** Driver answers: postgres.js gives bigint sums as text. */
export const num = (v: unknown): number => Number(v ?? 0);
