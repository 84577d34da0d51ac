/**
 * `npm run bench:viewers`: many people watching one running job.
 *   - one real Ansible job (local connection) printing a line with its own timestamp at a
 *     steady pace, run by an executor in this process
 *   - the built app (`next start`, EXECUTOR=off) serving its `/stream/` to 0, 1, then 200
 *     concurrent SSE viewers
 *   - per phase: the database's transactions per second (`pg_stat_database.xact_commit +
 *     xact_rollback` deltas; pg_stat_statements calls too when the server preloads it) and
 *     the delay from Ansible printing a line to a viewer receiving it (p50/p95)
 * Uses a fresh PostgreSQL database (BENCH_VIEWERS_DATABASE_URL, default
 * zuoye_bench_viewers on 127.0.0.1), dropped at the end.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { credentials, inventories, projects } from "@/db/schema";
import { startExecutor } from "@/executor/start-executor";
import { jsonSource } from "@/lib/drf/serializer";
import { ensureAdminUser } from "@/server/auth/ensure-admin-user";
import { readConfig } from "@/core/config";
import { createJob } from "@/core/jobs/create-job";
import { lastLineNo } from "@/server/output/read-lines";
import { createToken } from "@/server/tokens/create-token";
import { percentile } from "./load";
import { buildIfStale, freePort, startServer, waitReady } from "./server";

const BASE = process.env.BENCH_VIEWERS_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/zuoye_bench_viewers";
const VIEWERS = 200;
const WARM_MS = 5_000;
const MEASURE_MS = 20_000;
// one debug result (3 lines, the middle one stamped) every ~0.1 s, for longer than the phases take
const TICKS = 2_000;
const PLAYBOOK = `- hosts: all
  gather_facts: false
  tasks:
    - name: tick
      ansible.builtin.debug:
        msg: "tick {{ item }} at {{ '%.3f' | format(now().timestamp()) }}"
      loop: "{{ range(0, ${TICKS}) | list }}"
      loop_control:
        pause: 0.1
`;
const INVENTORY = "localhost ansible_connection=local ansible_python_interpreter=/usr/bin/python3\n";
const TICK = /tick \d+ at (\d+\.\d+)/;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pgOpts = (u: URL, database: string) => ({
  host: u.hostname,
  port: Number(u.port || 5432),
  username: decodeURIComponent(u.username || "postgres"),
  database,
  max: 1,
  onnotice: () => {},
});

async function recreateDatabase(create: boolean): Promise<void> {
  const u = new URL(BASE);
  const admin = postgres(pgOpts(u, "postgres"));
  await admin.unsafe(`drop database if exists ${u.pathname.slice(1)} with (force)`);
  if (create) await admin.unsafe(`create database ${u.pathname.slice(1)}`);
  await admin.end();
}

/** One SSE client: the delay of every stamped line printed after `recordFrom` that it receives. */
class Viewer {
  delays: number[] = [];
  recordFrom = Infinity;
  lines = 0;
  private stop = new AbortController();
  done: Promise<void>;

  constructor(url: string, headers: Record<string, string>) {
    this.done = this.run(url, headers).catch((e) => {
      if (!this.stop.signal.aborted) throw e;
    });
  }

  private async run(url: string, headers: Record<string, string>): Promise<void> {
    const r = await fetch(url, { headers, signal: this.stop.signal });
    if (r.status !== 200 || !r.body) throw new Error(`stream: ${r.status}`);
    const decoder = new TextDecoder();
    let buf = "";
    const reader = r.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      const now = Date.now();
      buf += decoder.decode(chunk.value, { stream: true });
      let cut: number;
      while ((cut = buf.indexOf("\n\n")) !== -1) {
        const block = buf.slice(0, cut);
        buf = buf.slice(cut + 2);
        if (!block.includes("event: line")) continue;
        this.lines++;
        const stamp = TICK.exec(block);
        const printedAt = stamp ? Number(stamp[1]) * 1000 : NaN;
        if (printedAt >= this.recordFrom) this.delays.push(now - printedAt);
      }
    }
  }

  close(): void {
    this.stop.abort();
  }
}

async function main() {
  await recreateDatabase(true);
  const u = new URL(BASE);
  const dbName = u.pathname.slice(1);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "zuoye-bench-viewers-"));
  const config = readConfig({ ...process.env, DATABASE_URL: BASE, DATA_DIR: dataDir, EXECUTOR: "off", DEMO_DATA: "0" });
  const database = await openDatabase({ databaseUrl: BASE, pgliteDir: config.pgliteDir });
  const { db } = database;
  const adminId = await ensureAdminUser(db, config);
  const user = { id: adminId, username: config.adminUsername, displayName: config.adminDisplayName, role: "admin" };
  fs.mkdirSync(path.join(config.projectsRoot, "bench"), { recursive: true });
  fs.writeFileSync(path.join(config.projectsRoot, "bench", "ticks.yml"), PLAYBOOK);
  const t = Math.floor(Date.now() / 1000);
  const [project] = await db
    .insert(projects)
    .values({ name: "bench", localPath: "bench", playbooks: ["ticks.yml"], ctime: t })
    .returning();
  const [inventory] = await db
    .insert(inventories)
    .values({ name: "local", content: INVENTORY, hosts: ["localhost"], ctime: t })
    .returning();
  const [credential] = await db.insert(credentials).values({ name: "none", ctime: t }).returning();
  if (!project || !inventory || !credential) throw new Error("bench catalog not inserted");
  const token = await createToken(db, adminId, { name: "npm run bench:viewers" });
  const headers = { authorization: `Token ${token.key}` };

  const stats = postgres(pgOpts(u, "postgres"));
  const preloaded = String((await stats`show shared_preload_libraries`)[0]!.shared_preload_libraries).includes("pg_stat_statements");
  if (preloaded) await database.db.execute("create extension if not exists pg_stat_statements");
  const counters = async () => {
    const [x] = await stats`select xact_commit + xact_rollback as n from pg_stat_database where datname = ${dbName}`;
    const statements = preloaded
      ? await stats`select coalesce(sum(calls), 0) as n from pg_stat_statements where dbid = (select oid from pg_database where datname = ${dbName})`
      : [{ n: NaN }];
    return { xacts: Number(x!.n), calls: Number(statements[0]!.n) };
  };

  buildIfStale(process.argv.includes("--build"));
  const port = await freePort(3470);
  const server = await startServer({ DATABASE_URL: BASE, DATA_DIR: dataDir, EXECUTOR: "off", NEXT_TELEMETRY_DISABLED: "1" }, port);
  const executor = await startExecutor(database, { ...config, workerCapacity: 1, workerId: "bench-viewers" });
  const viewers: Viewer[] = [];
  const phases: { viewers: number; xactsPerS: number; callsPerS: number; cpuPerS: number; delays: number[] }[] = [];
  try {
    await waitReady(`${server.baseUrl}/api/job/job/?limit=1`, server, headers);
    const job = await createJob(db, user, jsonSource({ project: project.id, inventory: inventory.id, credential: credential.id, playbook: "ticks.yml" }));
    const streamUrl = `${server.baseUrl}/api/job/job/${job.id}/stream/`;
    const first = new Viewer(streamUrl, headers);
    // the job is printing before anything is measured
    for (let waited = 0; first.lines < 20; waited += 100) {
      if (waited > 90_000) throw new Error("the job printed nothing in 90 s");
      await sleep(100);
    }
    first.close();
    await first.done;

    for (const count of [0, 1, VIEWERS]) {
      console.log(`[bench] ${count} viewer(s) ...`);
      // as the job page does: the output so far from /lines/, the stream from its last line
      const from = await lastLineNo(db, job.id);
      while (viewers.length < count) viewers.push(new Viewer(`${streamUrl}?after=${from}`, headers));
      await sleep(WARM_MS);
      const recordFrom = Date.now();
      for (const v of viewers) {
        v.delays = [];
        v.recordFrom = recordFrom;
      }
      const before = await counters();
      const cpuBefore = server.cpuMs();
      await sleep(MEASURE_MS);
      const after = await counters();
      const cpu = server.cpuMs() - cpuBefore;
      for (const v of viewers) v.recordFrom = Infinity;
      phases.push({
        viewers: count,
        xactsPerS: (after.xacts - before.xacts) / (MEASURE_MS / 1000),
        callsPerS: (after.calls - before.calls) / (MEASURE_MS / 1000),
        cpuPerS: cpu / (MEASURE_MS / 1000),
        delays: viewers.flatMap((v) => v.delays).sort((a, b) => a - b),
      });
    }
    await fetch(`${server.baseUrl}/api/job/job/${job.id}/cancel/`, { method: "POST", headers });
  } finally {
    for (const v of viewers) v.close();
    await Promise.allSettled(viewers.map((v) => v.done));
    await server.stop();
    await executor.stop({ graceMs: 10_000 });
    await stats.end();
    await database.close();
    await recreateDatabase(false);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const ms = (x: number) => (Number.isNaN(x) ? "—" : `${x.toFixed(0)} ms`);
  console.log(
    `\nViewers benchmark — ${os.cpus().length} cores, ${new Date().toISOString().slice(0, 10)}, PostgreSQL, one job printing a stamped result (3 lines) every ~0.12 s\n`,
  );
  console.log(`| viewers | DB transactions/s | ${preloaded ? "statements/s (pg_stat_statements) | " : ""}server CPU | line delay p50 | p95 | lines measured |`);
  console.log(`|---|---|${preloaded ? "---|" : ""}---|---|---|---|`);
  for (const p of phases) {
    const cols = [
      String(p.viewers),
      p.xactsPerS.toFixed(1),
      ...(preloaded ? [p.callsPerS.toFixed(1)] : []),
      `${(p.cpuPerS / 10).toFixed(1)} %`,
      ms(percentile(p.delays, 50)),
      ms(percentile(p.delays, 95)),
      p.delays.length.toLocaleString("en"),
    ];
    console.log(`| ${cols.join(" | ")} |`);
  }
  if (!preloaded) console.log("\n(pg_stat_statements is not in shared_preload_libraries here: transactions are counted from pg_stat_database)");
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
