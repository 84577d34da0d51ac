import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";

export type SeedJobsOptions = {
  count: number;
  /** the period the jobs' ctime spreads over, Unix seconds */
  from: number;
  to: number;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * "recorded" (default): the newest jobs are stored running/waiting/new, as a snapshot
   * (benchmarks, no executor). "launched": the newest four are `new`, so an executor
   * really runs them — a seeded "running" job with no worker would be ended as lost.
   */
  activeJobs?: "recorded" | "launched";
};

/**
 * Inserts `count` past jobs drawn from the catalog in the database (users, templates,
 * schedules, inventories, credentials), one `INSERT ... SELECT ... generate_series` per
 * batch, so a million rows take one round trip per batch.
 *
 * Every random choice is a hash of the job's id (`hashint8extended`), not `random()`:
 * a re-run can then recompute, in the same statement, the options of the earlier job it
 * re-runs. Ids are reserved up front and increase with ctime. The newest three jobs are
 * running/waiting/new; the rest are successful (~75%), failed (~15%), canceled, error.
 */
export async function seedJobs(db: Db, opts: SeedJobsOptions): Promise<{ firstId: number; count: number }> {
  const total = opts.count;
  const batch = opts.batchSize ?? 200_000;
  for (const [k, v] of Object.entries({ count: total, from: opts.from, to: opts.to, batch })) {
    if (!Number.isSafeInteger(v) || v < 0) throw new Error(`seedJobs: ${k} must be a non-negative integer`);
  }
  if (opts.to < opts.from) throw new Error("seedJobs: `to` is before `from`");
  if (total === 0) return { firstId: 0, count: 0 };
  await assertCatalog(db);

  // Reserve the id range (past both the sequence and any explicit id).
  const [reserved] = rowsOf<{ first: string | number }>(
    await db.execute(
      sql.raw(`
      SELECT setval(pg_get_serial_sequence('jobs', 'id'),
             greatest(nextval(pg_get_serial_sequence('jobs', 'id')), coalesce((SELECT max(id) FROM jobs), 0) + 1) + ${total - 1})
             - ${total - 1} AS first`),
    ),
  );
  if (!reserved) throw new Error("seedJobs: no id range reserved");
  const firstId = Number(reserved.first);
  if (firstId + total - 1 > 2147483647) throw new Error("seedJobs: ids would pass the int4 range");

  for (let g0 = 1; g0 <= total; g0 += batch) {
    const g1 = Math.min(total, g0 + batch - 1);
    await db.transaction(async (tx) => {
      // JIT compiling this wide expression costs ~30 s per batch, more than running it
      await tx.execute(sql.raw("SET LOCAL jit = off"));
      await tx.execute(sql.raw("SET LOCAL work_mem = '64MB'"));
      await tx.execute(sql.raw(batchSql({ firstId, total, g0, g1, from: opts.from, to: opts.to, activeJobs: opts.activeJobs })));
    });
    opts.onProgress?.(g1, total);
  }
  return { firstId, count: total };
}

async function assertCatalog(db: Db): Promise<void> {
  const [r] = rowsOf<Record<string, string | number>>(
    await db.execute(sql`SELECT (SELECT count(*) FROM users) u, (SELECT count(*) FROM templates) t,
      (SELECT count(*) FROM inventories) i, (SELECT count(*) FROM credentials) c`),
  );
  if (!r) throw new Error("seedJobs: the catalog was not counted");
  const missing = Object.entries({ users: r.u, templates: r.t, inventories: r.i, credentials: r.c })
    .filter(([, n]) => Number(n) === 0)
    .map(([k]) => k);
  if (missing.length) throw new Error(`seedJobs: the catalog has no ${missing.join(", ")}`);
}

/** A uniform number in [0, 1) from an id and a salt. */
const R = (x: string, salt: number) => `((hashint8extended((${x})::int8, ${salt}) & 9007199254740991)::float8 / 9007199254740992.0)`;

const ADHOC = [
  ["shell", "df -h"],
  ["shell", "free -m"],
  ["shell", "systemctl status nginx"],
  ["command", "uptime"],
  ["command", "hostname"],
  ["ping", ""],
  ["setup", "filter=ansible_distribution*"],
  ["copy", "src=/etc/hosts dest=/tmp/hosts.bak"],
  ["shell", "tail -n 50 /var/log/messages"],
  ["command", "ls -l /opt/app"],
  ["ping", ""],
  ["shell", "ps aux | grep java"],
] as const;
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const arr = (xs: string[]) => `ARRAY[${xs.map(lit).join(", ")}]::text[]`;
/** xs[1 + floor(r * len)] */
const pick = (xs: string[], r: string) => `(${arr(xs)})[1 + floor((${r}) * ${xs.length})::int]`;

export function batchSql(p: {
  firstId: number;
  total: number;
  g0: number;
  g1: number;
  from: number;
  to: number;
  activeJobs?: SeedJobsOptions["activeJobs"];
}): string {
  const { firstId, total, g0, g1, from, to } = p;
  const span = to - from;
  // a job is a re-run (of one of the 20 jobs before it) unless it is among the first 20,
  // or the job it would re-run is itself a re-run
  const isRerunCandidate = (id: string) => `((${id}) - ${firstId} >= 20 AND ${R(id, 30)} < 0.05)`;
  const parentOf = (id: string) => `((${id}) - 1 - floor(${R(id, 31)} * 20)::int)`;
  return `
INSERT INTO jobs (id, cuser_id, user_name, template_id, template_name, inventory_id, inventory_name,
  credential_id, credential_name, project_id, project_name, schedule_id, schedule_name, node_id, job_id,
  playbook, job_type, forks, "limit", tags, skip_tags, verbosity, variables, become_enabled, diff_mode,
  force_handlers, start_at_task, inventory_str, module, arguments, kind, state, start_time, finish_time, ctime)
WITH
u AS (SELECT (row_number() OVER (ORDER BY id))::int AS k, id, display_name FROM users),
t AS (
  SELECT (row_number() OVER (ORDER BY t.id))::int AS k, t.id, t.name, t.project_id, p.name AS project_name,
    t.inventory_id, i.name AS inventory_name, t.credential_id, c.name AS credential_name, t.playbook, t.job_type,
    t.forks, t."limit", t.tags, t.skip_tags, t.verbosity, t.variables, t.become_enabled, t.diff_mode,
    t.force_handlers, t.start_at_task
  FROM templates t
  LEFT JOIN projects p ON p.id = t.project_id
  LEFT JOIN inventories i ON i.id = t.inventory_id
  LEFT JOIN credentials c ON c.id = t.credential_id
),
s AS (
  SELECT (row_number() OVER (ORDER BY s.id))::int AS k, s.id, s.name, t.k AS tk, o.k AS uk
  FROM schedules s JOIN t ON t.id = s.template_id LEFT JOIN u o ON o.id = s.owner_id
),
inv AS (SELECT (row_number() OVER (ORDER BY id))::int AS k, id, name FROM inventories),
cred AS (SELECT (row_number() OVER (ORDER BY id))::int AS k, id, name FROM credentials),
m (k, module, args) AS (VALUES ${ADHOC.map(([mod, a], i) => `(${i + 1}, ${lit(mod)}, ${lit(a)})`).join(", ")}),
n AS (
  SELECT (SELECT count(*) FROM u)::int AS nu, (SELECT count(*) FROM t)::int AS nt, (SELECT count(*) FROM s)::int AS ns,
    (SELECT count(*) FROM inv)::int AS ni, (SELECT count(*) FROM cred)::int AS nc, ${ADHOC.length} AS nm
),
-- id: this job; pid: the job whose options it has (itself, or the job it re-runs)
q AS (
  SELECT g, ${firstId} + g - 1 AS id,
    CASE WHEN ${isRerunCandidate(`${firstId} + g - 1`)} AND NOT ${isRerunCandidate(parentOf(`${firstId} + g - 1`))}
         THEN ${parentOf(`${firstId} + g - 1`)} ELSE ${firstId} + g - 1 END AS pid
  FROM generate_series(${g0}, ${g1}) g
),
x AS MATERIALIZED (
  SELECT q.g, q.id, q.pid, q.id <> q.pid AS rerun, ${R("q.pid", 1)} < 0.15 AS adhoc,
    ${R("q.pid", 2)} AS r_sched, ${R("q.pid", 3)} AS r_tpl, ${R("q.pid", 5)} AS r_inv, ${R("q.pid", 6)} AS r_cred,
    ${R("q.pid", 7)} AS r_mod, ${R("q.pid", 8)} AS r_invstr, ${R("q.pid", 9)} AS r_verb, ${R("q.pid", 10)} AS r_forks,
    ${R("q.pid", 11)} AS r_limit, ${R("q.pid", 12)} AS r_tags, ${R("q.pid", 13)} AS r_jt, ${R("q.pid", 14)} AS r_vars,
    ${R("q.pid", 15)} AS r_become,
    ${R("q.id", 4)} AS r_user, ${R("q.id", 20)} AS r_state, ${R("q.id", 21)} AS r_dur, ${R("q.id", 22)} AS r_delay,
    ${R("q.id", 23)} AS r_ct
  FROM q
),
y AS (
  SELECT x.*, n.*,
    CASE WHEN NOT x.adhoc AND n.ns > 0 AND x.r_sched < 0.118 THEN 1 + floor(x.r_sched / 0.118 * n.ns)::int END AS sk
  FROM x CROSS JOIN n
),
z AS (
  SELECT y.*, s.id AS schedule_id, s.name AS schedule_name, s.uk,
    CASE WHEN NOT y.adhoc THEN coalesce(s.tk, 1 + floor(power(y.r_tpl, 1.5) * y.nt)::int) END AS tk,
    ${from} + floor((y.g - 1 + y.r_ct) * ${span}::float8 / ${total})::int8 AS ctime,
    1 + floor(y.r_delay * 8)::int AS delay,
    CASE WHEN y.adhoc THEN 1 + floor(power(y.r_dur, 4) * 300)::int ELSE 5 + floor(power(y.r_dur, 2.5) * 1795)::int END AS dur
  FROM y LEFT JOIN s ON s.k = y.sk
),
w AS (
  SELECT z.*, t.id AS template_id, t.name AS template_name, t.project_id, t.project_name, t.playbook AS t_playbook,
    t.job_type AS t_job_type, t.forks AS t_forks, t."limit" AS t_limit, t.tags AS t_tags, t.skip_tags AS t_skip_tags,
    t.verbosity AS t_verbosity, t.variables AS t_variables, t.become_enabled AS t_become, t.diff_mode AS t_diff,
    t.force_handlers AS t_force, t.start_at_task AS t_start_at,
    CASE WHEN z.adhoc THEN CASE WHEN z.r_invstr < 0.2 THEN NULL ELSE iv.id END ELSE t.inventory_id END AS inventory_id,
    CASE WHEN z.adhoc THEN CASE WHEN z.r_invstr < 0.2 THEN NULL ELSE iv.name END ELSE t.inventory_name END AS inventory_name,
    CASE WHEN z.adhoc THEN cr.id ELSE t.credential_id END AS credential_id,
    CASE WHEN z.adhoc THEN cr.name ELSE t.credential_name END AS credential_name,
    u.id AS cuser_id, u.display_name AS user_name, m.module, m.args,
    CASE
      WHEN z.g = ${total} THEN 'new'
      WHEN z.g >= ${total - 3} THEN ${p.activeJobs === "launched" ? "'new'" : `CASE WHEN z.g = ${total - 1} THEN 'waiting' ELSE 'running' END`}
      WHEN z.r_state < 0.75 + CASE WHEN z.adhoc THEN 0.03 ELSE ((z.tk % 3) - 1) * 0.05 END THEN 'successful'
      WHEN z.r_state < 0.90 + CASE WHEN z.adhoc THEN 0.03 ELSE ((z.tk % 3) - 1) * 0.02 END THEN 'failed'
      WHEN z.r_state < 0.96 THEN 'canceled'
      ELSE 'error'
    END AS state
  FROM z
  LEFT JOIN t ON t.k = z.tk
  LEFT JOIN inv iv ON z.adhoc AND iv.k = 1 + floor(z.r_inv * z.ni)::int
  LEFT JOIN cred cr ON z.adhoc AND cr.k = 1 + floor(z.r_cred * z.nc)::int
  LEFT JOIN m ON z.adhoc AND m.k = 1 + floor(z.r_mod * z.nm)::int
  JOIN u ON u.k = CASE WHEN z.uk IS NOT NULL AND NOT z.rerun THEN z.uk ELSE 1 + floor(power(z.r_user, 1.3) * z.nu)::int END
),
v AS (
  SELECT w.*,
    CASE
      WHEN w.state IN ('new', 'waiting') THEN NULL
      WHEN w.state = 'canceled' AND w.r_delay < 0.3 THEN NULL
      ELSE least(w.ctime + w.delay, greatest(w.ctime, ${to}))
    END AS start_time
  FROM w
)
SELECT v.id, v.cuser_id, v.user_name, v.template_id, v.template_name, v.inventory_id, v.inventory_name,
  v.credential_id, v.credential_name, v.project_id, v.project_name,
  CASE WHEN v.rerun THEN NULL ELSE v.schedule_id END, CASE WHEN v.rerun THEN NULL ELSE v.schedule_name END,
  NULL, CASE WHEN v.rerun THEN v.pid END,
  CASE WHEN v.adhoc THEN '' ELSE v.t_playbook END,
  CASE WHEN v.r_jt < 0.08 THEN 'check' WHEN v.adhoc THEN 'run' ELSE v.t_job_type END,
  CASE WHEN v.r_forks < 0.8 THEN coalesce(v.t_forks, 0) ELSE (ARRAY[5, 10, 20, 50])[1 + floor((v.r_forks - 0.8) * 20)::int] END,
  CASE WHEN v.adhoc THEN CASE WHEN v.r_limit < 0.7 OR v.inventory_id IS NULL THEN '' ELSE ${pick(["web", "app", "*db01", "*web01", "mysql"], "(v.r_limit - 0.7) / 0.3")} END
       WHEN v.r_limit < 0.75 THEN v.t_limit ELSE ${pick(["*web01", "*web*", "*app01", "web:app", "*web01,*web02", "*db01"], "(v.r_limit - 0.75) / 0.25")} END,
  CASE WHEN v.adhoc OR v.r_tags < 0.8 THEN coalesce(v.t_tags, '') ELSE ${pick(["deploy", "config", "config,restart", "security", "precheck"], "(v.r_tags - 0.8) / 0.2")} END,
  CASE WHEN NOT v.adhoc AND v.r_tags < 0.05 THEN 'restart' ELSE coalesce(v.t_skip_tags, '') END,
  (CASE WHEN v.r_verb < 0.7 THEN coalesce(v.t_verbosity, 0) WHEN v.r_verb < 0.9 THEN 1 WHEN v.r_verb < 0.96 THEN 2 WHEN v.r_verb < 0.99 THEN 3 ELSE 4 END)::smallint,
  CASE WHEN v.adhoc THEN '' WHEN v.r_vars < 0.85 THEN v.t_variables
       ELSE coalesce(nullif(v.t_variables, '') || E'\\n', '') || 'release: "' || to_char(to_timestamp(v.ctime), 'YYYYMMDD') || '"' END,
  (CASE WHEN v.adhoc THEN (v.r_become < 0.3)::int ELSE v.t_become END)::smallint,
  (CASE WHEN v.r_jt < 0.08 THEN 1 WHEN v.adhoc THEN 0 ELSE v.t_diff END)::smallint,
  (CASE WHEN v.adhoc THEN 0 ELSE v.t_force END)::smallint,
  CASE WHEN v.adhoc THEN '' ELSE v.t_start_at END,
  CASE WHEN v.adhoc AND v.inventory_id IS NULL THEN ${pick(["10.0.1.11,10.0.1.12,", "192.168.10.21,", "localhost,"], "v.r_invstr / 0.2")} ELSE '' END,
  CASE WHEN v.adhoc THEN v.module ELSE '' END,
  CASE WHEN v.adhoc THEN v.args ELSE '' END,
  CASE WHEN v.adhoc THEN 'adhoc' ELSE 'job' END,
  v.state, v.start_time,
  CASE
    WHEN v.state IN ('new', 'waiting', 'running') THEN NULL
    WHEN v.start_time IS NULL THEN least(v.ctime + v.delay, greatest(v.ctime, ${to}))
    ELSE least(v.start_time + CASE WHEN v.state = 'successful' THEN v.dur ELSE 1 + v.dur / 2 END, greatest(v.start_time, ${to}))
  END,
  v.ctime
FROM v
ORDER BY v.id`;
}
