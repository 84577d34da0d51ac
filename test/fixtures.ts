import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { rowsOf } from "@/db/client";
import { credentials, inventories, jobs, projects, templates, schedules, users } from "@/db/schema";
import { nowSeconds } from "@/lib/time";
import { insertUser } from "@/server/users/create-user";
import { api, ctx } from "./api";

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
  const [project] = await db
    .insert(projects)
    .values({ name: `测试tomcat${suffix}`, localPath: folder, playbooks: ["main.yml", "sub/deploy.yml"], ctime: t })
    .returning();
  const [inventory] = await db
    .insert(inventories)
    .values({ name: `测试tomcat${suffix}`, content: "[web]\nlocalhost ansible_connection=local\n", hosts: ["localhost"], ctime: t })
    .returning();
  const [credential] = await db
    .insert(credentials)
    .values({ name: `测试${suffix}`, username: "deploy", password: "s3cret", ctime: t })
    .returning();
  if (!project || !inventory || !credential) throw new Error("catalog not inserted");
  const [template] = await db
    .insert(templates)
    .values({
      name: `tomcat${suffix}`,
      projectId: project.id,
      inventoryId: inventory.id,
      credentialId: credential.id,
      playbook: "main.yml",
      forks: 5,
      limit: "web",
      tags: "deploy",
      verbosity: 1,
      variables: "version: 9",
      ctime: t,
    })
    .returning();
  if (!template) throw new Error("catalog template not inserted");
  const [schedule] = await db
    .insert(schedules)
    .values({ name: `每日部署${suffix}`, templateId: template.id, cron: "0 2 * * *", ctime: t })
    .returning();
  if (!schedule) throw new Error("catalog schedule not inserted");
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

/** A user who can log in: the password is hashed as the users API does. */
export async function makeLoginUser(username: string, role: "viewer" | "operator" | "admin", password = TEST_PASSWORD, displayName = username) {
  const { db } = await ctx();
  return insertUser(db, { username, displayName, role, password });
}

export const TEST_PASSWORD = "correct horse battery";

/**
 * Every row of every table, to prove a refused request changed nothing. The times a
 * token or session was last used are left out: authenticating a request writes them.
 */
export async function dbSnapshot(): Promise<Record<string, unknown[]>> {
  const { db } = await ctx();
  const tables = rowsOf<{ table_name: string }>(
    await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  ).map((r) => r.table_name);
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    const rows = rowsOf<Record<string, unknown>>(await db.execute(sql.raw(`select * from "${t}"`)));
    out[t] = rows
      .map((r) => {
        const { last_used_at: _u, last_seen_at: _s, ...rest } = r;
        return JSON.stringify(rest, (_k, v) => (typeof v === "bigint" ? String(v) : v));
      })
      .sort();
  }
  return out;
}

/** A browser login through POST /api/auth/login/: the cookies to send back and the CSRF token. */
export async function browserLogin(username: string, password = TEST_PASSWORD, headers: Record<string, string> = {}) {
  const r = await api("POST", "/api/auth/login/", { as: null, json: { username, password }, headers });
  if (r.status !== 200) throw new Error(`login of ${username}: ${r.status} ${r.text}`);
  const setCookies = r.headers.getSetCookie();
  const jar: Record<string, string> = {};
  for (const c of setCookies) {
    const [pair] = c.split(";");
    const i = pair!.indexOf("=");
    jar[pair!.slice(0, i)] = pair!.slice(i + 1);
  }
  const { zuoye_session: sessionCookie, zuoye_csrf: csrf } = jar;
  if (sessionCookie === undefined || csrf === undefined) throw new Error(`login of ${username}: no session or CSRF cookie`);
  return { cookie: `zuoye_session=${sessionCookie}; zuoye_csrf=${csrf}`, csrf, setCookies, user: r.body };
}
