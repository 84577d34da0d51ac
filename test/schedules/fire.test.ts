import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { jobs, schedules, templates, users } from "@/db/schema";
import { fireDueSchedules } from "@/core/schedules/fire-due-schedules";
import { api, ctx, resetDb } from "../api";
import { dbSnapshot, jobRow, makeCatalog, makeUser } from "../fixtures";

beforeEach(resetDb);

const NOW = 1_800_000_030; // 30 s past a minute boundary

async function everyMinute(overrides: Partial<typeof schedules.$inferInsert> = {}) {
  const c = await makeCatalog();
  const owner = await makeUser(`owner${Math.random().toString(36).slice(2, 7)}`, "值班机器人");
  const { db } = await ctx();
  // the overrides these tests give take effect: the template asks for them
  await db.update(templates).set({ askLimitOnLaunch: true, askVariablesOnLaunch: true, askVerbosityOnLaunch: true }).where(eq(templates.id, c.template.id));
  const [s] = await db
    .insert(schedules)
    .values({ name: "每分钟", templateId: c.template.id, cron: "* * * * *", timezone: "Asia/Shanghai", ownerId: owner!.id, ctime: NOW, ...overrides })
    .returning();
  return { ...c, schedule: s, owner };
}

async function scheduleRow(id: number) {
  const { db } = await ctx();
  return (await db.select().from(schedules).where(eq(schedules.id, id)))[0];
}

async function jobsOf(scheduleId: number) {
  const { db } = await ctx();
  return db.select().from(jobs).where(eq(jobs.scheduleId, scheduleId));
}

describe("fireDueSchedules", () => {
  it("first sets the next due time without firing, then fires once when it is due", async () => {
    const { db } = await ctx();
    const { schedule, owner } = await everyMinute({ limit: "web01", variables: "from_schedule: true", verbosity: 2 });
    expect(await fireDueSchedules(db, NOW)).toEqual([]);
    expect((await scheduleRow(schedule!.id))!.nextFireAt).toBe(NOW + 30);
    expect(await fireDueSchedules(db, NOW + 29)).toEqual([]);
    const fired = await fireDueSchedules(db, NOW + 31);
    expect(fired).toHaveLength(1);
    const [job] = await jobsOf(schedule!.id);
    expect(job).toMatchObject({
      id: fired[0],
      scheduleId: schedule!.id,
      scheduleName: "每分钟",
      cuserId: owner!.id,
      userName: "值班机器人",
      state: "new",
      limit: "web01",
      variables: "from_schedule: true",
      verbosity: 2,
      templateName: "tomcat",
      playbook: "main.yml",
    });
    expect((await scheduleRow(schedule!.id))!.nextFireAt).toBe(NOW + 90);
    const r = await api("GET", `/api/job/job/?schedule=${schedule!.id}`);
    expect(r.body.count).toBe(1);
    expect(r.body.results[0].schedule_name).toBe("每分钟");
  });

  it("fires a due time exactly once when several ticks race", async () => {
    const { db } = await ctx();
    const { schedule } = await everyMinute({ nextFireAt: NOW - 5 });
    const results = await Promise.all([fireDueSchedules(db, NOW), fireDueSchedules(db, NOW), fireDueSchedules(db, NOW)]);
    expect(results.flat()).toHaveLength(1);
    expect(await jobsOf(schedule!.id)).toHaveLength(1);
  });

  it("replays a long outage as one catch-up run, then continues from now", async () => {
    const { db } = await ctx();
    const { schedule } = await everyMinute({ nextFireAt: NOW - 3600 });
    expect(await fireDueSchedules(db, NOW)).toHaveLength(1);
    expect(await fireDueSchedules(db, NOW + 1)).toHaveLength(0);
    expect((await scheduleRow(schedule!.id))!.nextFireAt).toBe(NOW + 30);
  });

  it("does not fire a disabled schedule; re-enabling counts from now", async () => {
    const { db } = await ctx();
    const { schedule } = await everyMinute({ nextFireAt: NOW - 5, enabled: false });
    expect(await fireDueSchedules(db, NOW)).toEqual([]);
    const r = await api("PATCH", `/api/job/schedule/${schedule!.id}/`, { json: { enabled: true } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((await scheduleRow(schedule!.id))!.nextFireAt).toBeNull();
    expect(await fireDueSchedules(db, NOW)).toEqual([]);
    expect(await jobsOf(schedule!.id)).toHaveLength(0);
  });

  it("disables a schedule whose template is gone, with a visible reason, and goes on with the others", async () => {
    const { db } = await ctx();
    const gone = await everyMinute({ nextFireAt: NOW - 5 });
    const other = await everyMinute({ nextFireAt: NOW - 5 });
    await db.delete(templates).where(eq(templates.id, gone.template.id));
    const fired = await fireDueSchedules(db, NOW);
    expect(fired).toHaveLength(1);
    expect(await jobsOf(other.schedule!.id)).toHaveLength(1);
    const row = await scheduleRow(gone.schedule!.id);
    expect(row!.enabled).toBe(false);
    expect(row!.lastError).toContain("模板已被删除");
    const shown = await api("GET", `/api/job/schedule/${gone.schedule!.id}/`);
    expect(shown.body).toMatchObject({ enabled: false, next_run: null, last_error: expect.stringContaining("模板") });
  });

  it("records why a fire launched nothing and stays enabled", async () => {
    const { db } = await ctx();
    const { schedule, template } = await everyMinute({ nextFireAt: NOW - 5 });
    await db.update(templates).set({ playbook: "missing.yml" }).where(eq(templates.id, template.id));
    expect(await fireDueSchedules(db, NOW)).toEqual([]);
    const row = await scheduleRow(schedule!.id);
    expect(row!.enabled).toBe(true);
    expect(row!.lastError).toContain("missing.yml");
    expect(row!.nextFireAt).toBe(NOW + 30);
  });

  it("a timed fire runs as the user who last changed the schedule; run now as whoever clicks it", async () => {
    const { db, adminUserId } = await ctx();
    const c = await makeCatalog();
    await db.update(templates).set({ askLimitOnLaunch: true }).where(eq(templates.id, c.template.id));
    const created = await api("POST", "/api/job/schedule/", { json: { name: "夜间", template: c.template.id, cron: "* * * * *" } });
    expect(created.body.owner).toBe(adminUserId);
    const operator = await makeUser(`op${Math.random().toString(36).slice(2, 7)}`, "改计划的人", "operator");
    // a refused change makes no one the owner
    const before = await dbSnapshot();
    expect((await api("PATCH", `/api/job/schedule/${created.body.id}/`, { as: operator!.id, json: { cron: "bogus" } })).status).toBe(400);
    expect((await dbSnapshot()).schedules).toEqual(before.schedules);

    const changed = await api("PATCH", `/api/job/schedule/${created.body.id}/`, { as: operator!.id, json: { limit: "web01" } });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.owner).toBe(operator!.id);
    await db
      .update(schedules)
      .set({ nextFireAt: NOW - 5 })
      .where(eq(schedules.id, created.body.id));
    const [fired] = await fireDueSchedules(db, NOW);
    expect(await jobRow(fired!)).toMatchObject({ cuserId: operator!.id, userName: "改计划的人", limit: "web01", scheduleId: created.body.id });

    const clicker = await makeUser(`op${Math.random().toString(36).slice(2, 7)}`, "点运行的人", "operator");
    const now = await api("POST", `/api/job/schedule/${created.body.id}/launch/`, { as: clicker!.id });
    expect(now.body).toMatchObject({ cuser: clicker!.id, user: "点运行的人" });

    // a PUT makes its sender the owner too; once they may no longer launch, timed fires stop with a reason
    const put = await api("PUT", `/api/job/schedule/${created.body.id}/`, {
      as: clicker!.id,
      json: { name: "夜间", template: c.template.id, cron: "* * * * *" },
    });
    expect(put.body.owner).toBe(clicker!.id);
    await db.update(users).set({ role: "viewer" }).where(eq(users.id, clicker!.id));
    await db
      .update(schedules)
      .set({ nextFireAt: NOW - 5 })
      .where(eq(schedules.id, created.body.id));
    expect(await fireDueSchedules(db, NOW)).toEqual([]);
    expect((await scheduleRow(created.body.id))!.lastError).toContain("所有者");
  });
});
