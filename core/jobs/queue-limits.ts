import { sql, type SQL } from "drizzle-orm";
import { inventories, jobs, templates } from "@/db/schema";

/**
 * Concurrency limits, as SQL over a queued job `j` (for its place: joined to its template
 * `t` and inventory `i`; left joins: an ad-hoc command has no template, a deleted one is no
 * limit). A slot is held by a job `waiting` (claimed) or `running`; the counts read the
 * indexes (template_id, state, id) and (inventory_id, state, id).
 */
export const QUEUED_FROM = sql`${jobs} j left join ${templates} t on t.id = j.template_id left join ${inventories} i on i.id = j.inventory_id`;

/** How many of the template's jobs may hold a slot: 1 when it forbids simultaneous runs, null for no limit. */
export const TEMPLATE_CAP = sql`(case when not t.allow_simultaneous then 1 when t.max_concurrent_jobs > 0 then t.max_concurrent_jobs end)`;
export const INVENTORY_CAP = sql`nullif(i.max_concurrent_jobs, 0)`;

const holding = (column: "template_id" | "inventory_id") =>
  sql`(select count(*) from ${jobs} a where a.${sql.raw(column)} = j.${sql.raw(column)} and a.state in ('waiting', 'running'))`;
/** Jobs of the template (inventory) holding a slot now. */
export const TEMPLATE_HELD = holding("template_id");
export const INVENTORY_HELD = holding("inventory_id");

/** Queued jobs of the template (inventory) launched before `j`: its place in that queue is this + 1. */
const ahead = (column: "template_id" | "inventory_id") =>
  sql`(select count(*) from ${jobs} a where a.${sql.raw(column)} = j.${sql.raw(column)} and a.state in ('new', 'pending') and a.id < j.id)`;
export const TEMPLATE_AHEAD = ahead("template_id");
export const INVENTORY_AHEAD = ahead("inventory_id");

/**
 * The templates (inventories) with a limit that their jobs holding a slot have reached:
 * one count per limited object, whatever the number of queued jobs behind them.
 */
const FULL_TEMPLATES = sql`(select t.id from ${templates} t where ${TEMPLATE_CAP} is not null
  and (select count(*) from ${jobs} a where a.template_id = t.id and a.state in ('waiting', 'running')) >= ${TEMPLATE_CAP})`;
const FULL_INVENTORIES = sql`(select i.id from ${inventories} i where i.max_concurrent_jobs > 0
  and (select count(*) from ${jobs} a where a.inventory_id = i.id and a.state in ('waiting', 'running')) >= i.max_concurrent_jobs)`;

/**
 * `j` may take a slot now: neither its template nor its inventory is full. The full ones
 * are found once per statement (a hashed subplan), so a scan past many blocked jobs costs
 * an index entry each, not two counts each.
 */
export const HAS_ROOM: SQL = sql`((j.template_id is null or j.template_id not in ${FULL_TEMPLATES})
  and (j.inventory_id is null or j.inventory_id not in ${FULL_INVENTORIES}))`;

/**
 * The one advisory lock (transaction-scoped) every claim of a limited job takes around its
 * count-and-claim; see `executor/claim-next-job.ts` for why one lock and not row locks.
 */
export const LIMITED_CLAIM_LOCK = sql`select pg_advisory_xact_lock(hashtext('zuoye:job-limits'))`;
