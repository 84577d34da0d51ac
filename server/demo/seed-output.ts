import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { OutputWriter, storeOutputRows, type OutputRows } from "@/core/output/output-writer";
import { reasonLine } from "@/core/jobs/end-job";
import { explain } from "@/lib/jobs/explanations";
import { DEMO_INVENTORIES, DEMO_PROJECTS } from "./catalog-data";
import { demoOutput, type DemoRun } from "./demo-output";

type JobRow = {
  id: number;
  kind: string;
  state: DemoRun["state"];
  job_type: string;
  playbook: string;
  module: string;
  arguments: string;
  inventory_name: string | null;
  inventory_str: string;
  project_name: string | null;
  limit: string;
  user_name: string;
  start_time: number | string | null;
  finish_time: number | string;
};

/** Ansible's message when a run ends before a play began (the executor's wording). */
const NOT_STARTED = "Ansible 未能开始运行（退出码 4），原因见上方输出。";

/**
 * Output for every ended demo job that has none: lines, events and per-host results made
 * by the executor's output writer (then the reason line and the job's `explanation`, as the
 * executor ends a run), stored for all jobs in one transaction: a commit per job would be
 * most of the first start's time.
 */
export async function seedDemoOutput(db: Db): Promise<number> {
  const jobs = rowsOf<JobRow>(
    await db.execute(sql`
      select id, kind, state, job_type, playbook, module, arguments, inventory_name, inventory_str, project_name,
        "limit", user_name, start_time, finish_time
      from jobs j
      where state in ('successful', 'failed', 'canceled', 'error')
        and not exists (select 1 from job_output_lines l where l.job_id = j.id)
      order by id`),
  );
  const inventories = new Map(DEMO_INVENTORIES.map((i) => [i.name, parseInventory(i.content)]));
  const playbooks = new Map(DEMO_PROJECTS.flatMap((p) => Object.entries(p.files).map(([file, text]) => [`${p.name}/${file}`, parsePlays(text)] as const)));
  const explanations: { id: number; e: string }[] = [];
  const rows: OutputRows = { lines: [], events: [], hosts: [] };
  for (const job of jobs) {
    const finish = Number(job.finish_time);
    const run: DemoRun = {
      id: job.id,
      kind: job.kind === "adhoc" ? "adhoc" : "job",
      state: job.state,
      checkMode: job.job_type === "check",
      playbook: job.playbook,
      module: job.module,
      args: job.arguments,
      hosts: jobHosts(job, inventories),
      plays: playbooks.get(`${job.project_name}/${job.playbook}`) ?? [],
      start: job.start_time === null ? null : Number(job.start_time),
      finish,
    };
    const writer = new OutputWriter(db, job.id, (t) => t);
    for (const step of demoOutput(run).steps) {
      if ("line" in step) writer.writeLines([step.line]);
      else writer.writeEvent(step.event);
    }
    const explanation =
      run.state === "failed"
        ? writer.failureExplanation()
        : run.state === "canceled"
          ? explain.canceled(job.user_name, finish)
          : run.state === "error"
            ? NOT_STARTED
            : "";
    if (run.state === "canceled") writer.writeLines([`作业已被取消。${explanation}`]);
    else if (explanation) writer.writeLines([reasonLine(explanation)]);
    // the rows the writer would store for this job, stored with every other job's below
    const batch = writer.takeBatch();
    for (const l of batch.lines) rows.lines.push({ ...l, job: job.id });
    for (const e of batch.events) rows.events.push({ ...e, job: job.id });
    for (const h of batch.hosts) rows.hosts.push({ ...h, job: job.id, seen_at: finish });
    if (explanation) explanations.push({ id: job.id, e: explanation });
  }
  await db.transaction(async (tx) => {
    await storeOutputRows(tx, 0, rows, 0);
    await tx.execute(sql`
      update jobs set explanation = x.e
      from json_to_recordset(${JSON.stringify(explanations)}::json) as x(id int, e text)
      where jobs.id = x.id`);
  });
  return jobs.length;
}

type Inventory = { all: string[]; groups: Map<string, string[]> };

/** The host names of an INI inventory, by group. */
function parseInventory(text: string): Inventory {
  const groups = new Map<string, string[]>();
  let group = "ungrouped";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      group = header[1]!;
      continue;
    }
    if (group.includes(":")) continue;
    const host = line.split(/\s+/)[0]!;
    groups.set(group, [...(groups.get(group) ?? []), host]);
  }
  return { all: [...new Set([...groups.values()].flat())], groups };
}

/** The hosts a job ran on: its inventory (or inventory string) narrowed by its `limit` (groups, names, `*` patterns). */
function jobHosts(job: JobRow, inventories: Map<string, Inventory>): string[] {
  const inv = job.inventory_name ? inventories.get(job.inventory_name) : undefined;
  const all = inv
    ? inv.all
    : job.inventory_str
        .split(",")
        .map((h) => h.trim())
        .filter(Boolean);
  const patterns = job.limit
    .split(/[,:]/)
    .map((p) => p.replace(/^[&!]/, "").trim())
    .filter(Boolean);
  if (!patterns.length) return all;
  const picked = all.filter((h) =>
    patterns.some((p) => inv?.groups.get(p)?.includes(h) || new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`).test(h)),
  );
  return picked.length ? picked : all;
}

/** The plays of a demo playbook and their task names, as Ansible prints them. */
function parsePlays(text: string): { name: string; tasks: string[] }[] {
  const plays: { name: string; tasks: string[] }[] = [];
  for (const line of text.split("\n")) {
    const play = /^- name: (.+)$/.exec(line);
    if (play) plays.push({ name: play[1]!.trim(), tasks: [] });
    const task = /^ {4}- name: (.+)$/.exec(line);
    if (task && plays.length) plays.at(-1)!.tasks.push(task[1]!.trim());
  }
  return plays;
}
