import { describe, expect, it } from "vitest";
import { PgDialect } from "drizzle-orm/pg-core";
import { readListQuery } from "../drf/list-query";
import { countSql, wholeDays } from "./count-jobs";
import { JOB_LIST } from "./job-list-spec";
import { seekIds } from "./seek-page";

const dialect = new PgDialect();
const read = (query: string) => readListQuery(new URL(`http://x/api/job/job/?${query}`), JOB_LIST);
const counted = (query: string) => dialect.sqlToQuery(countSql(read(query))).sql;
const sought = (query: string) => {
  const q = read(query);
  const s = seekIds(q, q.page);
  return s && dialect.sqlToQuery(s).sql;
};
const DAY = 86_400;

describe("where a count comes from", () => {
  it("kept counts for their dimensions, a user's counts for cuser, count(*) for the rest", () => {
    expect(counted("template=3&state__in=failed,error")).toMatch(/from "job_counts" where/);
    expect(counted("cuser=2&state=failed&template=1&kind=job&job_type=run")).toMatch(/from "job_user_counts" where/);
    expect(counted("cuser=2&inventory=1")).toMatch(/^select count\(\*\)::int8 as n from "jobs"/);
    for (const q of ["search=web", "job=5", "template=0", "start_time__gte=5&ctime__lte=9", "start_time__gte=5&cuser=2"]) {
      expect(counted(q), q).toMatch(/^select count\(\*\)::int8 as n from "jobs"/);
    }
  });

  it("a time range: whole days from job_buckets, the partial days from the jobs", () => {
    const both = counted(`start_time__gte=${10 * DAY + 5}&start_time__lte=${20 * DAY + 7}&state=failed`);
    expect(both).toMatch(/from "job_buckets" where/);
    expect(both.match(/select count\(\*\) from "jobs"/g)).toHaveLength(2);
    expect(counted(`ctime__gte=${10 * DAY}`).match(/select count\(\*\) from "jobs"/g)).toHaveLength(1);
    // unfiltered: the buckets' totals
    expect(counted(`ctime__gte=${10 * DAY}`)).toMatch(/from "job_bucket_totals" where/);
    // within two days: only the jobs
    expect(counted(`finish_time__gte=${10 * DAY + 5}&finish_time__lte=${11 * DAY + 5}`)).toMatch(/^select count\(\*\)::int8 as n from "jobs"/);
  });

  it("the whole days of a range, to the second", () => {
    expect(wholeDays({ column: "start_time", gte: 10 * DAY, lte: 12 * DAY - 1 })).toEqual({ first: 10n, last: 11n });
    expect(wholeDays({ column: "start_time", gte: 10 * DAY + 1, lte: 12 * DAY - 2 })).toBeUndefined();
    expect(wholeDays({ column: "start_time", gte: 10 * DAY - 1, lte: 12 * DAY })).toEqual({ first: 10n, last: 11n });
    expect(wholeDays({ column: "start_time", gte: -DAY - 1 })).toEqual({ first: -1n, last: undefined });
    expect(wholeDays({ column: "start_time", lte: -1 })).toEqual({ first: undefined, last: -1n });
    expect(wholeDays({ column: "start_time", lte: -2 })).toEqual({ first: undefined, last: -2n });
    expect(wholeDays({ column: "start_time", gte: 2 ** 53 - 1 })).toEqual({ first: 104249991375n, last: undefined });
  });
});

describe("which deep pages start from kept buckets", () => {
  it("filtered or time-ordered pages past the thresholds, filters among the dimensions", () => {
    expect(sought("offset=500000")).toMatch(/from job_id_blocks/);
    expect(sought("state=successful&offset=500000")).toMatch(/from "job_buckets"/);
    expect(sought("ordering=-start_time&offset=500000")).toMatch(/from "job_bucket_totals"/);
    expect(sought("ordering=ctime&template=1&offset=1000")).toMatch(/from "job_buckets"/);
    expect(sought("ordering=-finish_time&kind=job&offset=20000")).toMatch(/from "job_buckets"/);
  });

  it("not when walking costs less, nor for what the buckets cannot answer", () => {
    for (const q of [
      "offset=9999",
      "state=successful&offset=9999",
      "ordering=-start_time&offset=9999",
      "ordering=-start_time&state=failed&offset=999",
      "cuser=1&offset=500000",
      "search=x&offset=500000",
      "start_time__gte=5&offset=500000",
      "ordering=-start_time,id&offset=500000",
      "ordering=template_name&offset=500000",
      "ordering=-duration&offset=500000",
      "ordering=-start_time,-ctime&offset=500000",
    ]) {
      expect(sought(q), q).toBeUndefined();
    }
  });
});
