import { sql, type SQL } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { selectSchedules } from "@/server/schedules/select-schedules";
import { selectTemplates } from "@/server/templates/select-templates";
import { api, ctx, resetDb } from "../api";

/** The plan of a statement, its lines as one text (both databases answer EXPLAIN alike). */
async function planOf(query: { toSQL(): { sql: string; params: unknown[] } }): Promise<string> {
  const { db } = await ctx();
  const { sql: text, params } = query.toSQL();
  const chunks: SQL[] = [sql.raw("explain ")];
  text.split(/\$(\d+)/).forEach((part, i) => chunks.push(i % 2 ? sql`${params[Number(part) - 1]}` : sql.raw(part)));
  const result = await db.execute(sql.join(chunks));
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, string>[];
  return rows.map((r) => Object.values(r)[0]).join("\n");
}

/**
 * Template and schedule 1 ran once, first; 30,000 later jobs are the others'. Walking the
 * primary key backward to find row 1's last job would read them all: the look-up must be
 * the (reference, id) index.
 */
beforeAll(async () => {
  await resetDb();
  const { db } = await ctx();
  await db.execute(sql`insert into templates (name, ctime) select 't' || g, 1 from generate_series(1, 40) g`);
  await db.execute(sql`insert into schedules (name, template_id, cron, ctime) select 's' || g, g, '0 1 * * *', 1 from generate_series(1, 40) g`);
  await db.execute(sql`insert into jobs (cuser_id, template_id, schedule_id, state, ctime) values (1, 1, 1, 'failed', 5)`);
  await db.execute(
    sql`insert into jobs (cuser_id, template_id, schedule_id, state, ctime) select 1, 2 + g % 39, 2 + g % 39, 'successful', 10 + g from generate_series(1, 30000) g`,
  );
  await db.execute(sql`analyze jobs`);
}, 120_000);

describe("last_job of a page's rows", () => {
  it("reads each row's newest job from jobs_template_id_idx / jobs_schedule_id_idx, not a scan", async () => {
    const { db } = await ctx();
    for (const [query, index] of [
      [
        selectTemplates(db)
          .orderBy(sql`1`)
          .limit(20),
        "jobs_template_id_idx",
      ],
      [
        selectSchedules(db)
          .orderBy(sql`1`)
          .limit(20),
        "jobs_schedule_id_idx",
      ],
    ] as const) {
      const plan = await planOf(query);
      expect(plan, plan).toContain(`using ${index} on jobs`);
      expect(plan, plan).not.toMatch(/Seq Scan on jobs|jobs_pkey/);
    }
  });

  it("finds an old last job behind many newer ones of the others", async () => {
    for (const kind of ["template", "schedule"]) {
      const r = await api("GET", `/api/job/${kind}/?ordering=id&limit=2`);
      expect(r.body.results.map((x: { last_job_state: string }) => x.last_job_state)).toEqual(["failed", "successful"]);
      expect(r.body.results[0]).toMatchObject({ last_job: 1, last_job_time: 5 });
    }
  });
});
