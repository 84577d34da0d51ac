import { z } from "zod";

const int = z.number().int();

/** Ended jobs of a span by final state, their success rate and the durations of the successful ones. */
export const StatsFigures = z.object({
  jobs: int,
  successful: int,
  failed: int,
  error: int,
  canceled: int,
  /** successful / (successful + failed + error); canceled runs count for neither; null with none */
  success_rate: z.number().nullable(),
  /** seconds, nearest rank over successful runs, at most ~5 % under the true value past two minutes */
  duration_p50: int.nullable(),
  duration_p95: int.nullable(),
});
export type StatsFigures = z.infer<typeof StatsFigures>;

/** `GET /api/job/stats/`: the history's figures over the last `days` calendar days in `timezone`. */
export const JobStats = z.object({
  days: int,
  timezone: z.string(),
  from: z.string(),
  to: z.string(),
  total: StatsFigures,
  /** one entry per day, oldest first, days without jobs included */
  series: z.array(StatsFigures.extend({ date: z.string() })),
  /** up to 10 templates with failed or error runs, most first */
  failing_templates: z.array(z.object({ template: int, template_name: z.string(), failed: int, error: int, jobs: int })),
  /** up to 10 hosts with failed or unreachable results, most first */
  failing_hosts: z.array(z.object({ host: z.string(), failed: int, unreachable: int })),
});
export type JobStats = z.infer<typeof JobStats>;
