import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { jobEvents, jobHostSummaries, jobOutputLines } from "@/db/schema";
import { api, ctx, resetDb } from "../api";
import { importBody, setState } from "../fixtures";
import { insertEvents, insertManyLines, insertSummaries } from "../output-fixtures";

beforeEach(resetDb);

async function jobWithOutput() {
  const r = await api("POST", "/api/job/job/", { json: importBody({ kind: "adhoc", module: "ping" }) });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const id = r.body.id as number;
  await insertManyLines(id, 50);
  await insertEvents(id, [{ event: "playbook_on_start" }, { event: "runner_on_ok", host: "web1" }]);
  await insertSummaries(id, [{ host: "web1", ok: 1 }]);
  return id;
}

async function outputCounts(id: number) {
  const { db } = await ctx();
  return [
    (await db.select().from(jobOutputLines).where(eq(jobOutputLines.jobId, id))).length,
    (await db.select().from(jobEvents).where(eq(jobEvents.jobId, id))).length,
    (await db.select().from(jobHostSummaries).where(eq(jobHostSummaries.jobId, id))).length,
  ];
}

describe("deleting jobs deletes their output", () => {
  it("DELETE of one job removes its lines, events and host summaries, and only its own", async () => {
    const a = await jobWithOutput();
    const b = await jobWithOutput();
    expect(await outputCounts(a)).toEqual([50, 2, 1]);
    expect((await api("DELETE", `/api/job/job/${a}/`)).status).toBe(204);
    expect(await outputCounts(a)).toEqual([0, 0, 0]);
    expect(await outputCounts(b)).toEqual([50, 2, 1]);
  });

  it("bulk DELETE removes the output of every deleted job", async () => {
    const a = await jobWithOutput();
    const b = await jobWithOutput();
    const c = await jobWithOutput();
    const r = await api("DELETE", "/api/job/job/", { json: { pk: [a, b, 9999] } });
    expect(r.status).toBe(204);
    expect(await outputCounts(a)).toEqual([0, 0, 0]);
    expect(await outputCounts(b)).toEqual([0, 0, 0]);
    expect(await outputCounts(c)).toEqual([50, 2, 1]);
  });

  it("keeps the output when the deletion is refused", async () => {
    const a = await jobWithOutput();
    const b = await jobWithOutput();
    await setState(b, "running");
    expect((await api("DELETE", "/api/job/job/", { form: { pk: `${a},${b}` } })).status).toBe(409);
    expect((await api("DELETE", `/api/job/job/${b}/`)).status).toBe(409);
    expect(await outputCounts(a)).toEqual([50, 2, 1]);
    expect(await outputCounts(b)).toEqual([50, 2, 1]);
  });
});
