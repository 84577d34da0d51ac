import { and, eq, isNull, lte, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { schedules, templates, users } from "@/db/schema";
import { hasRole } from "@/lib/auth/roles";
import { askColumnOf, JOB_FIELDS, PROMPT_KEYS } from "@/lib/contracts/job";
import { jsonSource } from "@/lib/drf/serializer";
import { nextRunAfter } from "@/lib/schedules/cron";
import { nowSeconds } from "@/lib/time";
import { createJob } from "../jobs/create-job";
import type { Actor } from "../actor";
import { ValidationError } from "../errors";

type ScheduleRow = typeof schedules.$inferSelect;

/**
 * One scheduler tick, safe to run in every process at once: a due schedule fires only
 * in the transaction that moves its `next_fire_at` from the due time to the next one
 * (compare-and-set), and the job is inserted in that same transaction. A schedule that
 * missed several times while everything was down fires once (one catch-up), then
 * continues from now. Returns the launched job ids.
 */
export async function fireDueSchedules(db: Db, now = nowSeconds()): Promise<number[]> {
  const due = await db
    .select()
    .from(schedules)
    .where(and(eq(schedules.enabled, true), or(isNull(schedules.nextFireAt), lte(schedules.nextFireAt, now))));
  const launched: number[] = [];
  for (const s of due) {
    const next = nextRunAfter(s.cron, s.timezone, now);
    if (s.nextFireAt === null) {
      await db
        .update(schedules)
        .set({ nextFireAt: next })
        .where(and(eq(schedules.id, s.id), isNull(schedules.nextFireAt)));
      continue;
    }
    const id = await db.transaction(async (tx) => {
      const [won] = await tx
        .update(schedules)
        .set({ nextFireAt: next })
        .where(and(eq(schedules.id, s.id), eq(schedules.nextFireAt, s.nextFireAt!), eq(schedules.enabled, true)))
        .returning({ id: schedules.id });
      return won ? launchFromSchedule(tx, s) : undefined;
    });
    if (id !== undefined) launched.push(id);
  }
  return launched;
}

/**
 * Launches the schedule's job (template + the overrides it asks for); records why when it cannot. A timed
 * fire runs as the schedule's owner (whoever created or last changed it); "run now"
 * passes the user who clicked it.
 */
export async function launchFromSchedule(db: Db, s: ScheduleRow, caller?: Actor): Promise<number | undefined> {
  const [template] = await db.select().from(templates).where(eq(templates.id, s.templateId));
  if (!template) {
    await db.update(schedules).set({ enabled: false, nextFireAt: null, lastError: "模板已被删除，计划任务已停用。" }).where(eq(schedules.id, s.id));
    return undefined;
  }
  const actor = caller ?? (await scheduleOwner(db, s));
  if (!actor) {
    // the schedule launches as its owner, who may no longer launch anything
    await db.update(schedules).set({ lastError: "计划任务的所有者已停用或无权执行作业，本次未启动。" }).where(eq(schedules.id, s.id));
    return undefined;
  }
  // as in AWX, an override takes effect only where the template asks for the key at launch
  const overrides: Record<string, unknown> = { template: s.templateId, schedule: s.id };
  for (const key of PROMPT_KEYS) {
    const value = s[JOB_FIELDS[key].column];
    if (value !== null && template[askColumnOf(key)]) overrides[key] = value;
  }
  try {
    const job = await createJob(db, actor, jsonSource(overrides));
    if (s.lastError) await db.update(schedules).set({ lastError: "" }).where(eq(schedules.id, s.id));
    return job.id;
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    const why = Object.entries(e.fields)
      .map(([k, v]) => `${k}: ${v.join(" ")}`)
      .join("; ");
    await db
      .update(schedules)
      .set({ lastError: `无法启动作业：${why}` })
      .where(eq(schedules.id, s.id));
    return undefined;
  }
}

/**
 * The user a timed fire runs as: the owner, i.e. the user who created or last changed the
 * schedule (the first admin for schedules made before owners were kept), if still allowed to launch.
 */
async function scheduleOwner(db: Db, s: ScheduleRow): Promise<Actor | undefined> {
  const [owner] = s.ownerId ? await db.select().from(users).where(eq(users.id, s.ownerId)) : [];
  const [u] = owner ? [owner] : await db.select().from(users).where(eq(users.role, "admin")).orderBy(users.id).limit(1);
  if (!u || !u.isActive || !hasRole(u.role, "operator")) return undefined;
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role };
}
