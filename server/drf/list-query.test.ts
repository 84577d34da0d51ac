import { describe, expect, it } from "vitest";
import { PgDialect } from "drizzle-orm/pg-core";
import { and } from "drizzle-orm";
import { ValidationError } from "@/core/errors";
import { msg } from "@/lib/drf/messages";
import { jobs, JOB_SEARCHED } from "@/db/schema";
import { JOB_LIST } from "../jobs/job-list-spec";
import { TEMPLATE_LIST } from "../templates/template-fields";
import { readListQuery } from "./list-query";

const dialect = new PgDialect();
const read = (query: string) => readListQuery(new URL(`http://x/api/job/job/?${query}`), JOB_LIST);
const sqlOf = (query: string) => dialect.sqlToQuery(and(...read(query).where)!);

describe("a list's query, read from the contract", () => {
  it("the job list filters what the contract marks, and knows which filters the kept counts answer", () => {
    expect(Object.keys(JOB_LIST.filters).sort()).toEqual(
      [
        "template",
        "cuser",
        "job_type",
        "inventory",
        "credential",
        "start_time",
        "finish_time",
        "state",
        "kind",
        "job",
        "node",
        "schedule",
        "ctime",
        "project",
        "host",
      ].sort(),
    );
    expect(read("template=3&state=failed&kind=job").countWhere).toHaveLength(3);
    expect(read("state__in=failed,error").countWhere).toHaveLength(1);
    // cuser, a time range, a search and a null reference (0) are not count dimensions
    for (const q of ["cuser=1", "ctime__gte=5", "search=web", "template=0", "host=web"]) expect(read(q).countWhere, q).toBeNull();
  });

  it("gives every filter as column values and time ranges, for roll-ups keyed by the same columns", () => {
    expect(read("cuser=2&state__in=failed,error&template=3").terms).toEqual([
      { column: "template_id", values: [3] },
      { column: "cuser_id", values: [2] },
      { column: "state", values: ["failed", "error"] },
    ]);
    const timed = read("start_time__gte=10.5&start_time__lte=99.5&ctime__lte=7&kind=job");
    expect(timed.terms).toEqual([{ column: "kind", values: ["job"] }]);
    expect(timed.ranges).toEqual([
      { column: "start_time", gte: 11, lte: 99 },
      { column: "ctime", lte: 7 },
    ]);
    // only the rows can answer these
    for (const q of ["search=web", "template=0", "host=web", "state=failed&search=x"]) expect(read(q).terms, q).toBeNull();
  });

  it("each filter is the condition it names", () => {
    expect(sqlOf("template=3&state__in=failed,error")).toMatchObject({
      sql: '("jobs"."template_id" = $1 and "jobs"."state" in ($2, $3))',
      params: [3, "failed", "error"],
    });
    expect(sqlOf("start_time__gte=1.5&start_time__lte=9.5").params).toEqual([2, 9]);
    // ten name-like columns (one text, by trigrams), or a host of exactly that name
    const search = sqlOf("search=a_b%25");
    expect(search.sql).toMatch(
      /^"jobs"."id" in \(select "jobs"."id" from "jobs" where job_search_text\("jobs"."user_name", .*\) ilike \$1\s+union all select "job_host_summaries"."job_id" from "job_host_summaries" where "job_host_summaries"."host" = \$2\)$/,
    );
    expect(search.params).toEqual(["%a\\_b\\%%", "a_b%"]);
    // the text searched is the contract's searchable columns
    expect(new Set(JOB_SEARCHED.map((k) => jobs[k].name))).toEqual(new Set(JOB_LIST.search.map((c) => c.name)));
    expect(sqlOf("host=web-1")).toMatchObject({
      sql: '"jobs"."id" in (select "job_id" from "job_host_summaries" where "job_host_summaries"."host" = $1)',
      params: ["web-1"],
    });
  });

  it("bad values are a 400 naming each parameter, in the contract's order", () => {
    let error: unknown;
    try {
      read("ctime__lte=soon&state__in=ok,bad&state=nope&template=x");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const { fields } = error as ValidationError;
    expect(fields).toEqual({
      template: [msg.filterBadId],
      state: [msg.filterBadChoice("nope")],
      state__in: [msg.filterBadChoice("ok")],
      ctime__lte: [msg.filterInvalidNumber],
    });
    expect(Object.keys(fields)).toEqual(["template", "state", "state__in", "ctime__lte"]);
  });

  it("ordering names only orderable keys, with id as the tie-break; a catalog list reads the same way", () => {
    expect(read("ordering=-start_time,nonsense").ordering).toEqual([
      { field: "start_time", desc: true },
      { field: "id", desc: true },
    ]);
    const t = readListQuery(new URL("http://x/?project=2&name=deploy&ordering=project_name&limit=5&offset=10"), TEMPLATE_LIST);
    expect(t.where).toHaveLength(2);
    expect(t.ordering.map((o) => o.field)).toEqual(["project_name", "id"]);
    expect(t.page).toEqual({ limit: 5, offset: 10 });
  });
});
