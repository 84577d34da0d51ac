import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { seedCatalog } from "@/server/demo/seed-catalog";
import { seedJobs } from "@/server/demo/seed-jobs";
import { api, ctx, resetDb } from "../api";

/** Deep unfiltered pages start from job_id_blocks: they must equal a plain OFFSET scan. */
describe("deep pages ordered by id", () => {
  const N = 22_000;

  beforeAll(async () => {
    await resetDb();
    const { db, config } = await ctx();
    await seedCatalog(db, { projectsRoot: config.projectsRoot });
    const now = Math.floor(Date.now() / 1000);
    await seedJobs(db, { count: N, from: now - 86400 * 60, to: now, batchSize: 5000 });
    // gaps inside blocks, a whole block gone, and ids far apart
    await db.execute(sql`delete from jobs where id % 7 = 3 or id between 4096 and 8191`);
    await seedJobs(db, { count: 50, from: now, to: now });
    await db.execute(sql`insert into jobs (id, cuser_id, ctime, state) select id, 1, ${now}, 'successful' from (values (100000), (100001), (200000)) v(id)`);
  }, 60_000);

  async function plainIds(order: "asc" | "desc", offset: number, limit: number): Promise<number[]> {
    const rows = rowsOf<{ id: number }>(await (await ctx()).db.execute(sql.raw(`select id from jobs order by id ${order} offset ${offset} limit ${limit}`)));
    return rows.map((r) => Number(r.id));
  }

  it("matches OFFSET for both directions at every kind of offset", async () => {
    const { count } = (await api("GET", "/api/job/job/?limit=1")).body;
    const { n } = rowsOf<{ n: number | string }>(await (await ctx()).db.execute(sql`select count(*) as n from jobs`))[0]!;
    expect(count).toBe(Number(n));
    expect(count).toBeGreaterThan(12_000); // past the offset where the block seek starts
    const offsets = [9_999, 10_000, 10_001, 10_500, count - 25, count - 1, count, count + 10];
    for (const ordering of ["-id", "id", ""]) {
      for (const offset of offsets) {
        for (const limit of [1, 20, 1000]) {
          const q = `/api/job/job/?offset=${offset}&limit=${limit}${ordering ? `&ordering=${ordering}` : ""}`;
          const r = await api("GET", q);
          expect(r.status, q).toBe(200);
          const got = r.body.results.map((j: { id: number }) => j.id);
          expect(got, q).toEqual(await plainIds(ordering === "id" ? "asc" : "desc", offset, limit));
          expect(r.body.count, q).toBe(count);
        }
      }
    }
  });

  it("keeps job_id_blocks equal to the jobs per block", async () => {
    const { db } = await ctx();
    const kept = rowsOf(await db.execute(sql`select block, n from job_id_blocks where n <> 0 order by block`));
    const actual = rowsOf(await db.execute(sql`select id / 4096 as block, count(*)::int as n from jobs group by 1 order by 1`));
    expect(kept).toEqual(actual);
    await db.execute(sql`update jobs set id = id + 50000 where id between 9000 and 9100`);
    await db.execute(sql`update jobs set state = 'failed' where id % 11 = 0`);
    const kept2 = rowsOf(await db.execute(sql`select block, n from job_id_blocks where n <> 0 order by block`));
    const actual2 = rowsOf(await db.execute(sql`select id / 4096 as block, count(*)::int as n from jobs group by 1 order by 1`));
    expect(kept2).toEqual(actual2);
  });
});
