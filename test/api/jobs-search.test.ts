import { sql, type SQL } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { seedCatalog } from "@/server/demo/seed-catalog";
import { seedJobs } from "@/server/demo/seed-jobs";
import { api, ctx, resetDb } from "../api";

const COLUMNS = [
  "user_name",
  '"limit"',
  "inventory_name",
  "credential_name",
  "template_name",
  "playbook",
  "arguments",
  "module",
  "schedule_name",
  "project_name",
];

/** What `?search=` meant before the trigram index: each word an ILIKE on one of ten columns, or exactly a host's name. */
function plainWhere(search: string): SQL {
  const terms = search.split(/[\s,]+/).filter(Boolean);
  const each = terms.map((term) => {
    const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const columns = COLUMNS.map((c) => sql`${sql.raw(c)} ilike ${pattern}`);
    return sql`(${sql.join(columns, sql` or `)} or id in (select job_id from job_host_summaries where host = ${term}))`;
  });
  return each.length ? sql.join(each, sql` and `) : sql`true`;
}

async function plainIds(search: string): Promise<number[]> {
  const { db } = await ctx();
  return rowsOf<{ id: number }>(await db.execute(sql`select id from jobs where ${plainWhere(search)} order by id desc`)).map((r) => Number(r.id));
}

describe("?search= from the trigram index", () => {
  beforeAll(async () => {
    await resetDb();
    const { db, config } = await ctx();
    await seedCatalog(db, { projectsRoot: config.projectsRoot });
    const now = Math.floor(Date.now() / 1000);
    await seedJobs(db, { count: 3000, from: now - 30 * 86400, to: now, batchSize: 1500 });
    await db.execute(sql`update jobs set "limit" = E'first\nweb_01%x', arguments = '50% done' where id % 97 = 0`);
    await db.execute(sql`update jobs set template_name = null, user_name = 'ZHANG Wei' where id % 89 = 0`);
    await db.execute(sql`insert into job_host_summaries (job_id, host, ok, changed, failures, unreachable, skipped, seen_at)
      select id, 'db-host-7', 1, 0, 0, 0, 0, ctime from jobs where id % 101 = 0`);
  }, 120_000);

  it("finds exactly the jobs ten ILIKEs and the host's results find, counted exactly", async () => {
    const words = [
      "nginx",
      "NGINX",
      "df",
      "web_01",
      "web_",
      "50%",
      "%",
      "_",
      "\\",
      "zhang",
      "db-host-7",
      "db-host",
      "deploy nginx",
      "巡检",
      "first web",
      "zqxj-nothing",
      "a,b",
    ];
    for (const search of words) {
      const expected = await plainIds(search);
      const r = await api("GET", `/api/job/job/?search=${encodeURIComponent(search)}&limit=1000`);
      expect(r.status, search).toBe(200);
      expect(r.body.count, search).toBe(expected.length);
      expect(
        r.body.results.map((j: { id: number }) => j.id),
        search,
      ).toEqual(expected.slice(0, 1000));
    }
  }, 120_000);
});
