import { lt, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { jobs } from "@/db/schema";
import { deleteEndedJobs } from "@/core/jobs/delete-ended-jobs";
import { seedCatalog } from "@/server/demo/seed-catalog";
import { seedJobs } from "@/server/demo/seed-jobs";
import { api, ctx, resetDb } from "../api";

/**
 * Counts of `cuser`, time ranges and their mixes with the kept dimensions, and deep pages
 * filtered or ordered by a time, come from kept counts (job_user_counts, job_buckets and
 * their totals), and pages ordered by id with a time range start from job_day_blocks:
 * each must equal `count(*)` and a plain `ORDER BY … OFFSET`, before and after the jobs
 * change in every way that moves a job between buckets.
 */
const DAY = 86_400;
let now = 0;
let from = 0;

async function rows<T>(q: string): Promise<T[]> {
  return rowsOf<T>(await (await ctx()).db.execute(sql.raw(q)));
}
async function plainCount(where: string): Promise<number> {
  return Number((await rows<{ n: string | number }>(`select count(*) as n from jobs where ${where}`))[0]!.n);
}
async function plainIds(where: string, order: string, offset: number, limit: number): Promise<number[]> {
  return (await rows<{ id: number }>(`select id from jobs where ${where} order by ${order} offset ${offset} limit ${limit}`)).map((r) => Number(r.id));
}
async function list(q: string): Promise<{ count: number; ids: number[] }> {
  const r = await api("GET", `/api/job/job/?${q}`);
  expect(r.status, q).toBe(200);
  return { count: r.body.count, ids: r.body.results.map((j: { id: number }) => j.id) };
}
/** A user and a template with many jobs, from the data. */
async function picks() {
  const [u] = await rows<{ id: number }>(`select cuser_id as id from jobs group by 1 order by count(*) desc, 1 limit 1`);
  const [t] = await rows<{ id: number }>(`select template_id as id from jobs where template_id is not null group by 1 order by count(*) desc, 1 limit 1`);
  return { user: Number(u!.id), template: Number(t!.id) };
}

/** [query string, the same filter in SQL] */
async function filterCases(): Promise<[string, string][]> {
  const { user, template } = await picks();
  const day0 = Math.floor(from / DAY) * DAY;
  const mid = day0 + 20 * DAY;
  return [
    [`cuser=${user}`, `cuser_id = ${user}`],
    [`cuser=${user}&state=failed`, `cuser_id = ${user} and state = 'failed'`],
    [`cuser=${user}&template=${template}&kind=job`, `cuser_id = ${user} and template_id = ${template} and kind = 'job'`],
    [`cuser=${user}&state__in=failed,error&job_type=run`, `cuser_id = ${user} and state in ('failed', 'error') and job_type = 'run'`],
    [`cuser=${user}&inventory=1`, `cuser_id = ${user} and inventory_id = 1`],
    [`cuser=999999`, `cuser_id = 999999`],
    [`start_time__gte=${mid}`, `start_time >= ${mid}`],
    [`start_time__gte=${mid + 1}`, `start_time >= ${mid + 1}`],
    [`start_time__gte=${mid - 1}`, `start_time >= ${mid - 1}`],
    [`start_time__lte=${mid}`, `start_time <= ${mid}`],
    [`start_time__lte=${mid - 1}`, `start_time <= ${mid - 1}`],
    [`start_time__gte=${mid + 3600}&start_time__lte=${mid + 30 * DAY - 7}`, `start_time between ${mid + 3600} and ${mid + 30 * DAY - 7}`],
    [`start_time__gte=${mid}&start_time__lte=${mid + DAY - 1}`, `start_time between ${mid} and ${mid + DAY - 1}`],
    [`start_time__gte=${mid + 100}&start_time__lte=${mid + DAY + 100}`, `start_time between ${mid + 100} and ${mid + DAY + 100}`],
    [`start_time__gte=${mid + 100}&start_time__lte=${mid + 50}`, `false`],
    [`start_time__gte=${mid}.5&start_time__lte=${mid + 5 * DAY}.5`, `start_time between ${mid + 1} and ${mid + 5 * DAY}`],
    [`start_time__gte=-99999999999999999`, `start_time is not null`],
    [`ctime__gte=${mid + 7}&ctime__lte=${mid + 10 * DAY}`, `ctime between ${mid + 7} and ${mid + 10 * DAY}`],
    [`finish_time__lte=${mid + 12345}`, `finish_time <= ${mid + 12345}`],
    [`start_time__gte=${mid + 7}&state=failed`, `start_time >= ${mid + 7} and state = 'failed'`],
    [
      `start_time__gte=${mid + 7}&start_time__lte=${now}&template=${template}&state__in=successful,canceled`,
      `start_time between ${mid + 7} and ${now} and template_id = ${template} and state in ('successful', 'canceled')`,
    ],
    // not kept together: counted from the jobs, still right
    [`start_time__gte=${mid + 7}&ctime__lte=${mid + 9 * DAY}`, `start_time >= ${mid + 7} and ctime <= ${mid + 9 * DAY}`],
    [`start_time__gte=${mid + 7}&cuser=${user}`, `start_time >= ${mid + 7} and cuser_id = ${user}`],
    [`job=25`, `job_id = 25`],
    // ranges that end in the past: a page ordered by id starts from their id blocks
    [`start_time__gte=${mid - 15 * DAY + 11}&start_time__lte=${mid + 5 * DAY - 11}`, `start_time between ${mid - 15 * DAY + 11} and ${mid + 5 * DAY - 11}`],
    [`ctime__lte=${day0 + 3 * DAY + 5}`, `ctime <= ${day0 + 3 * DAY + 5}`],
    [`finish_time__gte=${mid}&finish_time__lte=${mid + 2 * DAY + 5}&state=failed`, `finish_time between ${mid} and ${mid + 2 * DAY + 5} and state = 'failed'`],
    [`start_time__gte=${mid}&start_time__lte=${mid + 10 * DAY}&cuser=${user}`, `start_time between ${mid} and ${mid + 10 * DAY} and cuser_id = ${user}`],
    [`start_time__gte=${mid}&ctime__lte=${mid + 3 * DAY}`, `start_time >= ${mid} and ctime <= ${mid + 3 * DAY}`],
    [`start_time__lte=-1`, `start_time <= -1`],
    [`start_time__gte=${now + 400 * DAY}&start_time__lte=${now + 500 * DAY}`, `start_time between ${now + 400 * DAY} and ${now + 500 * DAY}`],
    [`ctime__gte=${day0 - 400 * DAY}&ctime__lte=${day0 - 300 * DAY}`, `false`],
  ];
}

async function expectCountsAndPages() {
  for (const [q, where] of await filterCases()) {
    for (const [ordering, order, offset, limit] of [
      ["", "id desc", 3, 7],
      ["id", "id asc", 3, 7],
      ["", "id desc", 500, 20],
      ["id", "id asc", 1000, 20],
    ] as const) {
      const query = `${q}${ordering ? `&ordering=${ordering}` : ""}&limit=${limit}&offset=${offset}`;
      const got = await list(query);
      expect(got.count, query).toBe(await plainCount(where));
      expect(got.ids, query).toEqual(await plainIds(where, order, offset, limit));
    }
  }
}

const ORDERINGS: [string, string][] = [
  ["", "id desc"],
  ["id", "id asc"],
  ["-start_time", "start_time desc, id desc"],
  ["start_time", "start_time asc, id asc"],
  ["-ctime", "ctime desc, id desc"],
  ["finish_time", "finish_time asc, id asc"],
  ["-finish_time", "finish_time desc, id desc"],
];

async function deepCases(): Promise<[string, string][]> {
  const { template } = await picks();
  return [
    ["", "true"],
    ["state=successful", "state = 'successful'"],
    ["state__in=failed,canceled", "state in ('failed', 'canceled')"],
    [`template=${template}&kind=job`, `template_id = ${template} and kind = 'job'`],
  ];
}

/** Offsets around the seek's threshold, the start and end of the nulls, and the end. */
async function offsetsFor(where: string, order: string): Promise<number[]> {
  const count = await plainCount(where);
  const column = order.split(" ")[0]!;
  const nulls = column === "id" ? 0 : await plainCount(`(${where}) and ${column} is null`);
  const nullsAt = order.includes("desc") ? 0 : count - nulls;
  return [...new Set([999, 1000, 1001, 9999, 10_000, nullsAt - 3, nullsAt + 2, count - 25, count - 1, count + 10])].filter((o) => o >= 0);
}

async function expectDeepPages() {
  for (const [q, where] of await deepCases()) {
    for (const [ordering, order] of ORDERINGS) {
      for (const offset of await offsetsFor(where, order)) {
        for (const limit of offset % 1000 === 0 ? [1, 20] : [20]) {
          const query = `${q}${ordering ? `&ordering=${ordering}` : ""}&offset=${offset}&limit=${limit}`;
          const got = await list(query);
          expect(got.ids, query).toEqual(await plainIds(where, order, offset, limit));
          expect(got.count, query).toBe(await plainCount(where));
        }
      }
    }
  }
}

/** The kept tables against the same grouping computed from the jobs: equal, and no empty buckets left. */
async function expectKeptEqualsJobs() {
  const bucketOf = (col: string, size: number) =>
    `case when ${col} is null then 9007199254740991 when ${col} >= 0 then ${col} / ${size} else (${col} + 1) / ${size} - 1 end`;
  const dims = `coalesce(template_id, 0), coalesce(inventory_id, 0), coalesce(credential_id, 0), coalesce(schedule_id, 0), coalesce(project_id, 0), state, kind, job_type`;
  const kept = await rows(
    `select axis, bucket::text, template_id, inventory_id, credential_id, schedule_id, project_id, state, kind, job_type, n::int as n from job_buckets order by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`,
  );
  const actual = await rows(`select * from (
      ${[
        ["i", bucketOf("id", 4096)],
        ["c", bucketOf("ctime", DAY)],
        ["s", bucketOf("start_time", DAY)],
        ["f", bucketOf("finish_time", DAY)],
      ]
        .map(([axis, b]) => `select '${axis}' as axis, (${b})::text as bucket, ${dims}, count(*)::int as n from jobs group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`)
        .join(" union all ")}) x (axis, bucket, template_id, inventory_id, credential_id, schedule_id, project_id, state, kind, job_type, n)
    order by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`);
  expect(kept.length).toBeGreaterThan(0);
  expect(kept).toEqual(actual);
  const totals = await rows(`select axis, bucket::text, n::int as n from job_bucket_totals order by 1, 2`);
  const totalsActual = await rows(`select axis, bucket, count(*)::int as n from jobs cross join lateral (values
      ('i', (${bucketOf("id", 4096)})::text), ('c', (${bucketOf("ctime", DAY)})::text),
      ('s', (${bucketOf("start_time", DAY)})::text), ('f', (${bucketOf("finish_time", DAY)})::text)) a (axis, bucket)
    group by 1, 2 order by 1, 2`);
  expect(totals).toEqual(totalsActual);
  const users = await rows(`select cuser_id, template_id, state, kind, job_type, n::int as n from job_user_counts where n <> 0 order by 1, 2, 3, 4, 5`);
  const usersActual = await rows(
    `select cuser_id, coalesce(template_id, 0) as template_id, state, kind, job_type, count(*)::int as n from jobs group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
  );
  expect(users).toEqual(usersActual);
  const dayBlocks = await rows(`select axis, day::text, block::text, n::int as n from job_day_blocks order by 1, 2, 3`);
  const dayBlocksActual = await rows(`select axis, (${bucketOf("t", DAY)})::text as day, (${bucketOf("id", 4096)})::text as block, count(*)::int as n
    from jobs cross join lateral (values ('c', ctime), ('s', start_time), ('f', finish_time)) a (axis, t)
    where t is not null group by 1, 2, 3 order by 1, 2, 3`);
  expect(dayBlocks.length).toBeGreaterThan(0);
  expect(dayBlocks).toEqual(dayBlocksActual);
}

describe("filters counted and deep pages sought from kept counts", () => {
  beforeAll(async () => {
    await resetDb();
    const { db, config } = await ctx();
    await seedCatalog(db, { projectsRoot: config.projectsRoot });
    now = Math.floor(Date.now() / 1000);
    from = now - 60 * DAY;
    await seedJobs(db, { count: 14_000, from, to: now, batchSize: 5000 });
    // times on the edges of days, before 1970, and far in the future
    await db.execute(
      sql.raw(`insert into jobs (cuser_id, ctime, start_time, finish_time, state, template_id) values
        (1, ${Math.floor(from / DAY) * DAY + 20 * DAY}, ${Math.floor(from / DAY) * DAY + 20 * DAY}, ${Math.floor(from / DAY) * DAY + 21 * DAY - 1}, 'successful', 1),
        (1, ${Math.floor(from / DAY) * DAY + 20 * DAY - 1}, ${Math.floor(from / DAY) * DAY + 20 * DAY - 1}, null, 'canceled', 1),
        (2, -86401, -86400, -1, 'failed', null),
        (2, 253402300799, 253402300799, 253402300799, 'successful', 2)`),
    );
  }, 120_000);

  it("keeps job_buckets and job_user_counts equal to the jobs they count", async () => {
    await expectKeptEqualsJobs();
  });

  it("counts cuser, time ranges and their mixes exactly, and pages them as plain SQL does", async () => {
    await expectCountsAndPages();
  }, 120_000);

  it("pages deep, filtered or ordered by a time, exactly as ORDER BY … OFFSET does", async () => {
    await expectDeepPages();
  }, 300_000);

  it("stays exact after inserts, state and time updates, and deletes in batches", async () => {
    const { db } = await ctx();
    await seedJobs(db, { count: 1500, from: now - DAY, to: now, batchSize: 700 });
    await db.execute(sql`update jobs set state = 'failed', finish_time = finish_time + 3 * 86400 where id % 13 = 0`);
    await db.execute(sql`update jobs set start_time = null where id % 17 = 0`);
    await db.execute(sql`update jobs set start_time = ctime - 86400 * 2, cuser_id = cuser_id + 1 where id % 19 = 0`);
    await db.execute(sql`update jobs set id = id + 100000 where id between 3000 and 3100`);
    await db.execute(sql`update jobs set template_id = null, kind = 'adhoc' where id % 23 = 0`);
    // times unrelated to the ids: imported jobs (new ids, old times) and jobs moved in time
    const day0 = Math.floor(from / DAY) * DAY;
    await db.execute(
      sql.raw(`insert into jobs (cuser_id, ctime, start_time, finish_time, state, template_id)
        select 1, ${day0} + g * 7919 % (50 * ${DAY}), ${day0} + g * 7919 % (50 * ${DAY}) + 60, ${day0} + g * 7919 % (50 * ${DAY}) + 600, 'successful', 1
        from generate_series(1, 300) g`),
    );
    await db.execute(sql`update jobs set ctime = ctime - 86400 * 9, start_time = start_time + 86400 * 11 where id % 31 = 0`);
    // a retention run: everything older than 20 days, in batches of 250
    const deleted = await deleteEndedJobs(db, lt(jobs.ctime, from + 20 * DAY), { limit: 250 });
    expect(deleted).toBeGreaterThan(1000);
    await db.execute(sql`delete from jobs where id % 29 = 0`);
    await expectKeptEqualsJobs();
    await expectCountsAndPages();
    await expectDeepPages();
  }, 300_000);

  it("answers from the kept tables: a count changed there shows in the list", async () => {
    const { user } = await picks();
    const { db } = await ctx();
    const before = await list(`cuser=${user}`);
    const day = Math.floor(from / DAY) + 30;
    const range = `start_time__gte=${day * DAY}&start_time__lte=${(day + 3) * DAY - 1}`;
    const ranged = await list(range);
    // one row of each table, by its key
    const [u] = await rows<Record<string, unknown>>(
      `select template_id, state, kind, job_type from job_user_counts where cuser_id = ${user} and n > 0 limit 1`,
    );
    const userRow = `cuser_id = ${user} and template_id = ${u!.template_id} and state = '${u!.state}' and kind = '${u!.kind}' and job_type = '${u!.job_type}'`;
    const [b] = await rows<Record<string, unknown>>(
      `select template_id, inventory_id, credential_id, schedule_id, project_id, state, kind, job_type from job_buckets where axis = 's' and bucket = ${day + 1} limit 1`,
    );
    const bucketRow =
      `axis = 's' and bucket = ${day + 1} and template_id = ${b!.template_id} and inventory_id = ${b!.inventory_id} and credential_id = ${b!.credential_id}` +
      ` and schedule_id = ${b!.schedule_id} and project_id = ${b!.project_id} and state = '${b!.state}' and kind = '${b!.kind}' and job_type = '${b!.job_type}'`;
    const filtered = `${range}&state=${b!.state}&kind=${b!.kind}`;
    const rangedFiltered = await list(filtered);
    const shift = async (by: number) => {
      await db.execute(sql.raw(`update job_user_counts set n = n + ${by} where ${userRow}`));
      await db.execute(sql.raw(`update job_buckets set n = n + ${by} where ${bucketRow}`));
      await db.execute(sql.raw(`update job_bucket_totals set n = n + ${by} * 2 where axis = 's' and bucket = ${day + 2}`));
    };
    await shift(1000);
    try {
      expect((await list(`cuser=${user}`)).count).toBe(before.count + 1000);
      expect((await list(filtered)).count).toBe(rangedFiltered.count + 1000);
      expect((await list(range)).count).toBe(ranged.count + 2000);
    } finally {
      await shift(-1000);
    }
    await expectKeptEqualsJobs();
  });

  it("starts a page ordered by id with a time range from the range's id blocks", async () => {
    const day = Math.floor(from / DAY) + 30;
    const range = `start_time__gte=${day * DAY}&start_time__lte=${(day + 3) * DAY - 1}`;
    const where = `start_time between ${day * DAY} and ${(day + 3) * DAY - 1}`;
    const days = `axis = 's' and day between ${day} and ${day + 2}`;
    const [b] = await rows<{ lo: string | number; hi: string | number }>(`select min(block) as lo, max(block) as hi from job_day_blocks where ${days}`);
    const [lo, hi] = [Number(b!.lo), Number(b!.hi)];
    const inBlock = (block: number) => `${where} and id >= ${block * 4096} and id < ${(block + 1) * 4096}`;
    expect(await plainCount(inBlock(hi))).toBeGreaterThan(0);
    expect(await plainCount(inBlock(lo))).toBeGreaterThan(0);
    const plainDesc = await plainIds(where, "id desc", 0, 20);
    const plainAsc = await plainIds(where, "id asc", 0, 20);
    expect((await list(range)).ids).toEqual(plainDesc);
    expect((await list(`${range}&ordering=id`)).ids).toEqual(plainAsc);
    // hide the range's highest and lowest blocks: the pages no longer reach their jobs
    const { db } = await ctx();
    const moved = `${days} and block in (${hi}, ${lo})`;
    await db.execute(sql.raw(`update job_day_blocks set axis = 'x' where ${moved}`));
    try {
      const desc = (await list(range)).ids;
      const asc = (await list(`${range}&ordering=id`)).ids;
      expect(desc.every((id) => id < hi * 4096)).toBe(true);
      expect(asc.every((id) => id >= (lo + 1) * 4096)).toBe(true);
      expect(desc).not.toEqual(plainDesc);
      expect(asc).not.toEqual(plainAsc);
    } finally {
      await db.execute(sql.raw(`update job_day_blocks set axis = 's' where axis = 'x'`));
    }
    await expectKeptEqualsJobs();
  });

  it("empties with TRUNCATE", async () => {
    const { db } = await ctx();
    await db.execute(sql`truncate jobs`);
    expect(await rows(`select * from job_buckets`)).toEqual([]);
    expect(await rows(`select * from job_user_counts`)).toEqual([]);
    expect(await rows(`select * from job_day_blocks`)).toEqual([]);
  });
});
