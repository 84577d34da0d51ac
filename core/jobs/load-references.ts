import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { credentials, inventories, jobs, projects, schedules, templates, users } from "@/db/schema";
import { msg } from "@/lib/drf/messages";
import { addError, type FieldErrors } from "@/lib/drf/serializer";

export type TemplateRow = typeof templates.$inferSelect;
export type ProjectRow = typeof projects.$inferSelect;

export type References = {
  cuser?: { id: number; displayName: string };
  template?: TemplateRow | null;
  inventory?: { id: number; name: string } | null;
  credential?: { id: number; name: string } | null;
  project?: ProjectRow | null;
  schedule?: { id: number; name: string } | null;
  job?: { id: number; variables: string; variablesTrusted: boolean } | null;
  node?: null;
};

type RefIds = Partial<Record<keyof References, number | null>>;

/**
 * PrimaryKeyRelatedField's second half: every given id must exist now. Missing ones add
 * DRF's "无效主键" error under their key. `null` stays null; absent stays absent.
 */
export async function loadReferences(db: Db, ids: RefIds, errors: FieldErrors): Promise<References> {
  const out: References = {};
  const one = async <T>(key: keyof References, load: (id: number) => Promise<T | undefined>) => {
    const id = ids[key];
    if (id === undefined) return;
    if (id === null) {
      (out as Record<string, unknown>)[key] = null;
      return;
    }
    const row = id > 0 && id <= 2147483647 ? await load(id) : undefined;
    if (row === undefined) addError(errors, key, msg.pkDoesNotExist(id));
    else (out as Record<string, unknown>)[key] = row;
  };
  await one("cuser", async (id) => (await db.select({ id: users.id, displayName: users.displayName }).from(users).where(eq(users.id, id)))[0]);
  await one("template", async (id) => (await db.select().from(templates).where(eq(templates.id, id)))[0]);
  await one("inventory", async (id) => (await db.select({ id: inventories.id, name: inventories.name }).from(inventories).where(eq(inventories.id, id)))[0]);
  await one("credential", async (id) => (await db.select({ id: credentials.id, name: credentials.name }).from(credentials).where(eq(credentials.id, id)))[0]);
  await one("project", async (id) => (await db.select().from(projects).where(eq(projects.id, id)))[0]);
  await one("schedule", async (id) => (await db.select({ id: schedules.id, name: schedules.name }).from(schedules).where(eq(schedules.id, id)))[0]);
  await one(
    "job",
    async (id) => (await db.select({ id: jobs.id, variables: jobs.variables, variablesTrusted: jobs.variablesTrusted }).from(jobs).where(eq(jobs.id, id)))[0],
  );
  // workflows are not part of this product: no node exists, so any node id is refused
  await one("node", async () => undefined);
  return out;
}
