import { getTableColumns } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { hostFailuresDaily, jobDurationsDaily, jobs, jobStatsDaily } from "@/db/schema";
import { JOB_FIELDS } from "@/lib/contracts/job";
import { listSpecOf, type ListSpec } from "../drf/list-query";
import { JOB_LIST } from "../jobs/job-list-spec";

/** The dimensions the stats roll-ups keep: a filter on any other sends the stats to the jobs themselves. */
const KEPT = ["templateId", "inventoryId", "projectId"];

/**
 * The history's filters and search for the stats, with the kept dimensions mapped onto a
 * roll-up's columns. No state filter: the stats count every final state.
 */
function statsSpec(rollup: PgTable): ListSpec {
  const columns: Record<string, AnyPgColumn> = getTableColumns(rollup);
  const spec = listSpecOf(
    JOB_FIELDS,
    (c) => jobs[c as keyof typeof jobs.$inferSelect],
    (c) => (KEPT.includes(c) ? columns[c] : undefined),
  );
  const { state: _state, ...filters } = spec.filters;
  const { countAlone: _alone, ...host } = JOB_LIST.filters.host!;
  return { ...spec, filters: { ...filters, host }, searchAlso: JOB_LIST.searchAlso };
}

export const STATS_LIST = statsSpec(jobStatsDaily);
export const DURATIONS_LIST = statsSpec(jobDurationsDaily);
export const HOST_FAILURES_LIST = statsSpec(hostFailuresDaily);
