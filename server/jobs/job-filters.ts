import { eq, gte, ilike, inArray, lte, or, type SQL } from "drizzle-orm";
import { jobCounts, jobs } from "@/db/schema";
import { msg } from "@/lib/drf/messages";
import type { FieldErrors } from "@/lib/drf/serializer";
import { parseId } from "@/lib/ids";
import { JOB_KINDS, JOB_STATES, JOB_TYPES } from "@/lib/jobs/enums";
import { lastParam } from "../drf/query-string";
import { JOB_SEARCHED } from "./job-columns";

export type JobFilters = {
  /** conditions on `jobs` */
  where: SQL[];
  /** the same conditions on `job_counts`, or null when some filter is not a count dimension */
  countWhere: SQL[] | null;
  errors: FieldErrors;
};

const ID_FILTERS = [
  ["template", jobs.templateId, jobCounts.templateId],
  ["inventory", jobs.inventoryId, jobCounts.inventoryId],
  ["credential", jobs.credentialId, jobCounts.credentialId],
  ["schedule", jobs.scheduleId, jobCounts.scheduleId],
  ["project", jobs.projectId, jobCounts.projectId],
  ["cuser", jobs.cuserId, null],
  ["job", jobs.parentJobId, null],
  ["node", jobs.nodeId, null],
] as const;

const CHOICE_FILTERS = [
  ["state", JOB_STATES, jobs.state, jobCounts.state],
  ["kind", JOB_KINDS, jobs.kind, jobCounts.kind],
  ["job_type", JOB_TYPES, jobs.jobType, jobCounts.jobType],
] as const;

const TIME_FILTERS = [
  ["ctime", jobs.ctime],
  ["start_time", jobs.startTime],
  ["finish_time", jobs.finishTime],
] as const;

const MAX_TIME = 2 ** 53 - 1;

/** django-filter's reading of the list's query: the seed's six filters and the extras. */
export function readJobFilters(url: URL): JobFilters {
  const where: SQL[] = [];
  const countWhere: SQL[] = [];
  let countable = true;
  const errors: FieldErrors = {};
  const value = (key: string) => {
    const v = lastParam(url, key)?.trim();
    return v === undefined || v === "" ? undefined : v;
  };

  for (const [key, col, countCol] of ID_FILTERS) {
    const v = value(key);
    if (v === undefined) continue;
    const id = parseId(v);
    if (id === undefined) {
      errors[key] = [msg.filterBadId];
      continue;
    }
    where.push(eq(col, id));
    // job_counts stores a null reference as 0: only positive ids can be counted there
    if (countCol && id > 0) countWhere.push(eq(countCol, id));
    else countable = false;
  }

  for (const [key, values, col, countCol] of CHOICE_FILTERS) {
    const v = value(key);
    if (v === undefined) continue;
    if (!(values as readonly string[]).includes(v)) {
      errors[key] = [msg.filterBadChoice(v)];
      continue;
    }
    where.push(eq(col, v));
    countWhere.push(eq(countCol, v));
  }

  const stateIn = value("state__in");
  if (stateIn !== undefined) {
    const list = stateIn
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = list.find((s) => !(JOB_STATES as readonly string[]).includes(s));
    if (bad !== undefined) errors.state__in = [msg.filterBadChoice(bad)];
    else if (list.length) {
      where.push(inArray(jobs.state, list));
      countWhere.push(inArray(jobCounts.state, list));
    }
  }

  for (const [key, col] of TIME_FILTERS) {
    for (const [suffix, op] of [
      ["gte", gte],
      ["lte", lte],
    ] as const) {
      const name = `${key}__${suffix}`;
      const v = value(name);
      if (v === undefined) continue;
      if (!/^[+-]?\d+(\.\d+)?$/.test(v)) {
        errors[name] = [msg.filterInvalidNumber];
        continue;
      }
      // clamped to the range a bigint column and a JS number both hold exactly
      const n = Math.max(-MAX_TIME, Math.min(MAX_TIME, Number(v)));
      where.push(op(col, suffix === "gte" ? Math.ceil(n) : Math.floor(n)));
      countable = false;
    }
  }

  const search = value("search");
  if (search !== undefined) {
    // SearchFilter: every whitespace-separated term must match one of the fields
    for (const term of search
      .split(/[\s,]+/)
      .filter(Boolean)
      .slice(0, 10)) {
      const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(or(...JOB_SEARCHED.map((c) => ilike(c, pattern)))!);
    }
    countable = false;
  }

  return { where, countWhere: countable ? countWhere : null, errors };
}
