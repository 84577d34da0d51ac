import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { jobs } from "@/db/schema";
import { startExecutor, type Executor } from "@/executor/start-executor";
import { seedDemoData } from "@/server/demo/seed-demo-data";
import { api, ctx, resetDb } from "../api";
import { hostSummary, outputOf, waitForState } from "./helpers";

/**
 * The demo's daily checks run for real at first start: one fails a task on app02 with its
 * message, the other cannot reach dr-db01. A new user sees a failure and its reason.
 */
let executor: Executor;

beforeAll(async () => {
  await resetDb();
  const c = await ctx();
  await seedDemoData(c.db, { config: c.config, adminUserId: c.adminUserId });
  executor = await startExecutor(c.database, { ...c.config, workerCapacity: 6, workerId: "demo-worker" });
}, 60_000);

afterAll(async () => {
  await executor?.stop();
});

it("runs the demo's daily checks: a failed task on app02, an unreachable dr-db01, the other hosts fine", async () => {
  const { db } = await ctx();
  const launched = await db
    .select({ id: jobs.id, name: jobs.templateName })
    .from(jobs)
    .where(inArray(jobs.templateName, ["每日巡检", "灾备巡检"]))
    .orderBy(jobs.id);
  const byName = Object.fromEntries(
    launched.filter((j) => j.id === Math.max(...launched.filter((k) => k.name === j.name).map((k) => k.id))).map((j) => [j.name, j.id]),
  );

  const daily = await waitForState(byName["每日巡检"]!, undefined, 180_000);
  const dailyOut = (await outputOf(daily.id)).join("\n");
  expect(daily.state, dailyOut).toBe("failed");
  expect(dailyOut).toContain("/data 使用率 93%，超过 90% 阈值");
  const daySummary = await hostSummary(daily.id);
  expect(daySummary.find((h) => h.host === "app02")).toMatchObject({ status: "failed", failures: 1 });
  expect(
    daySummary
      .filter((h) => h.status === "ok")
      .map((h) => h.host)
      .sort(),
  ).toEqual(["app01", "db01", "web01", "web02"]);
  const failedHosts = await api("GET", `/api/job/job/${daily.id}/hosts/?status=failed`);
  expect(JSON.stringify(failedHosts.body)).toContain("检查 /data 使用率");

  const dr = await waitForState(byName["灾备巡检"]!, undefined, 180_000);
  const drOut = (await outputOf(dr.id)).join("\n");
  expect(dr.state, drOut).toBe("failed");
  expect(drOut).toMatch(/UNREACHABLE/);
  const drSummary = await hostSummary(dr.id);
  expect(drSummary.find((h) => h.host === "dr-db01")).toMatchObject({ status: "unreachable", unreachable: 1 });
  expect(drSummary.find((h) => h.host === "dr-web01")).toMatchObject({ status: "ok" });
}, 240_000);
