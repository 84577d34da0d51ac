import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { credentials, inventories, jobs, projects, templates, schedules, users } from "@/db/schema";
import { nowSeconds } from "@/lib/time";
import { ctx } from "./api";

/**
 * A small catalog written straight to the database (the tests of the catalog APIs
 * live in their own files): a project folder with real playbooks, an inventory, a
 * credential, a template and a schedule.
 */
export async function makeCatalog(suffix = "") {
  const { db, config } = await ctx();
  const folder = `proj${suffix || ""}`;
  const dir = path.join(config.projectsRoot, folder);
  fs.mkdirSync(path.join(dir, "sub"), { recursive: true });
  fs.writeFileSync(path.join(dir, "main.yml"), "- hosts: all\n  tasks: []\n");
  fs.writeFileSync(path.join(dir, "sub", "deploy.yml"), "- hosts: all\n  tasks: []\n");
  const t = nowSeconds();
  const [project] = await db.insert(projects).values({ name: `测试tomcat${suffix}`, localPath: folder, playbooks: ["main.yml", "sub/deploy.yml"], ctime: t }).returning();
  const [inventory] = await db.insert(inventories).values({ name: `测试tomcat${suffix}`, content: "[web]\nlocalhost ansible_connection=local\n", hosts: ["localhost"], ctime: t }).returning();
  const [credential] = await db.insert(credentials).values({ name: `测试${suffix}`, username: "deploy", password: "s3cret", ctime: t }).returning();
  const [template] = await db
    .insert(templates)
    .values({ name: `tomcat${suffix}`, projectId: project.id, inventoryId: inventory.id, credentialId: credential.id, playbook: "main.yml", forks: 5, limit: "web", tags: "deploy", verbosity: 1, variables: "version: 9", ctime: t })
    .returning();
  const [schedule] = await db.insert(schedules).values({ name: `每日部署${suffix}`, templateId: template.id, cron: "0 2 * * *", ctime: t }).returning();
  return { project, inventory, credential, template, schedule };
}

export async function makeUser(username: string, displayName: string, role = "operator") {
  const { db } = await ctx();
  const [u] = await db.insert(users).values({ username, displayName, role, ctime: nowSeconds() }).returning();
  return u;
}

/** A finished job recorded through the API's history import. */
export function importBody(extra: Record<string, unknown> = {}) {
  return { state: "successful", start_time: 1561688923, finish_time: 1561688924, ...extra };
}

export async function setState(id: number, state: string) {
  const { db } = await ctx();
  await db.update(jobs).set({ state }).where(eq(jobs.id, id));
}

export async function jobRow(id: number) {
  const { db } = await ctx();
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row;
}

export async function jobCount(): Promise<number> {
  const { db } = await ctx();
  return (await db.select({ id: jobs.id }).from(jobs)).length;
}
