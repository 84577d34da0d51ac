import fs from "node:fs";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { credentials, inventories, jobHostSummaries, jobOutputLines, jobs, projects } from "@/db/schema";
import { nowSeconds } from "@/lib/time";
import { expect } from "vitest";
import { api, ctx } from "../api";

export const FINAL = ["successful", "failed", "canceled", "error"];

/** POSTs a job made of `refs` (project, inventory, credential ids) and `body`; its id, once created `new`. */
export async function launchJob(refs: Record<string, unknown>, body: Record<string, unknown>): Promise<number> {
  const r = await api("POST", "/api/job/job/", { json: { ...refs, ...body } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  expect(r.body.state).toBe("new");
  return r.body.id as number;
}

/** Writes playbooks into a manual project folder and registers the project. */
export async function makeProject(name: string, playbooks: Record<string, string>) {
  const { db, config } = await ctx();
  const dir = path.join(config.projectsRoot, name);
  for (const [file, text] of Object.entries(playbooks)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  const [p] = await db
    .insert(projects)
    .values({ name, localPath: name, playbooks: Object.keys(playbooks), ctime: nowSeconds() })
    .returning();
  if (!p) throw new Error(`project ${name} not inserted`);
  return p;
}

export async function makeLocalInventory(extra = "", variables = "") {
  const { db } = await ctx();
  const content = `[local]\nlocalhost ansible_connection=local ansible_python_interpreter=/usr/bin/python3 ${extra}\n`;
  const [i] = await db
    .insert(inventories)
    .values({ name: "本机", content, variables, hosts: ["localhost"], ctime: nowSeconds() })
    .returning();
  if (!i) throw new Error("inventory not inserted");
  return i;
}

export async function makeCredential(values: Partial<typeof credentials.$inferInsert> = {}) {
  const { db } = await ctx();
  const [c] = await db
    .insert(credentials)
    .values({ name: "本地", ctime: nowSeconds(), ...values })
    .returning();
  if (!c) throw new Error("credential not inserted");
  return c;
}

export async function waitForState(id: number, states: string[] = FINAL, timeoutMs = 90_000) {
  const { db } = await ctx();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
    if (!row) throw new Error(`job ${id} not found`);
    if (states.includes(row.state)) return row;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${row.state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function outputOf(id: number): Promise<string[]> {
  const { db } = await ctx();
  const rows = await db.select().from(jobOutputLines).where(eq(jobOutputLines.jobId, id)).orderBy(asc(jobOutputLines.lineNo));
  rows.forEach((r, i) => {
    if (r.lineNo !== i + 1) throw new Error(`line numbers not consecutive at ${r.lineNo}`);
  });
  return rows.map((r) => r.text.replace(/\u001b\[[0-9;]*m/g, ""));
}

export async function hostSummary(id: number) {
  const { db } = await ctx();
  return db.select().from(jobHostSummaries).where(eq(jobHostSummaries.jobId, id));
}

/** Processes whose command line contains `marker` (the job's leftovers, if any). */
export function processesWith(marker: string): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(marker)) out.push(Number(entry));
    } catch {
      /* gone */
    }
  }
  return out;
}
