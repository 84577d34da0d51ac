/**
 * `npm run bench:executor`: what the executor adds to a run, on this machine.
 *   - launch→running and launch→first stored line (median of 7 trivial runs)
 *   - a trivial playbook end to end through the product vs `ansible-playbook` direct
 *   - what the bubblewrap sandbox adds: one sandbox start alone, and the trivial
 *     playbook with SANDBOX=on vs off
 *   - output ingest: 100,000 lines through the store path alone, and a real job
 *     printing 100,000 lines
 *   - opening that job's detail page and its first/last output windows (built app), logged
 *     in as a browser is (session cookie)
 * Uses a fresh PostgreSQL database (BENCH_EXEC_DATABASE_URL, default
 * zuoye_bench_executor on 127.0.0.1), dropped at the end.
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { and, eq, max } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { credentials, inventories, jobOutputLines, jobs, projects } from "@/db/schema";
import { OutputWriter } from "@/core/output/output-writer";
import { makeRedactor } from "@/core/output/redact";
import { startExecutor } from "@/executor/start-executor";
import { bwrapArgs } from "@/core/sandbox/bwrap";
import { resolveIsolation } from "@/core/sandbox/isolation";
import { jsonSource } from "@/lib/drf/serializer";
import { ensureAdminUser } from "@/server/auth/ensure-admin-user";
import { readConfig } from "@/core/config";
import { createJob } from "@/core/jobs/create-job";
import { createToken } from "@/server/tokens/create-token";
import { percentile } from "./load";
import { buildIfStale, freePort, startServer, waitReady } from "./server";

const BASE = process.env.BENCH_EXEC_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/zuoye_bench_executor";
const RUNS = 7;
const SANDBOX_RUNS = 15;
const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

const TRIVIAL = "- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.ping:\n";
const BIG =
  "- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.shell: seq 1 100000\n      register: r\n    - ansible.builtin.debug: { var: r.stdout_lines }\n";
const INVENTORY = "localhost ansible_connection=local ansible_python_interpreter=/usr/bin/python3\n";

async function recreateDatabase(opts: { create: boolean } = { create: true }): Promise<void> {
  const u = new URL(BASE);
  const name = u.pathname.slice(1);
  const admin = postgres({ ...pgOpts(u), database: "postgres" });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  if (opts.create) await admin.unsafe(`create database ${name}`);
  await admin.end();
}
const pgOpts = (u: URL) => ({
  host: u.hostname,
  port: Number(u.port || 5432),
  username: decodeURIComponent(u.username || "postgres"),
  max: 1,
  onnotice: () => {},
});

function runDirect(cwd: string, playbook: string, inventory: string): Promise<number> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const p = spawn("ansible-playbook", ["-i", inventory, playbook], {
      cwd,
      stdio: ["ignore", "ignore", "ignore"],
      env: { PATH: process.env.PATH!, LC_ALL: "C.UTF-8", HOME: os.tmpdir() } as unknown as NodeJS.ProcessEnv,
    });
    p.on("error", reject);
    p.on("close", () => resolve(performance.now() - t));
  });
}

/** Wall time of one process start to exit (`argv[0]` direct, no shell). */
function timeSpawn(argv: string[]): Promise<number> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const [command, ...args] = argv;
    if (command === undefined) return reject(new Error("no command to time"));
    const p = spawn(command, args, { stdio: "ignore" });
    p.on("error", reject);
    p.on("close", (code) => (code === 0 ? resolve(performance.now() - t) : reject(new Error(`${command} exited ${code}`))));
  });
}

/** Logs in as a browser does; the Cookie header its later requests send. */
async function logIn(baseUrl: string, username: string, password: string): Promise<string> {
  const r = await fetch(`${baseUrl}/api/auth/login/`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (r.status !== 200) throw new Error(`login: ${r.status} ${await r.text()}`);
  return r.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function main() {
  await recreateDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "zuoye-bench-exec-"));
  // the fresh database's admin gets this password; the page is opened logged in with it
  const adminPassword = crypto.randomBytes(18).toString("base64url");
  const config = readConfig({ ...process.env, DATABASE_URL: BASE, DATA_DIR: dataDir, EXECUTOR: "off", DEMO_DATA: "0", ADMIN_PASSWORD: adminPassword });
  const database = await openDatabase({ databaseUrl: BASE, pgliteDir: config.pgliteDir });
  const { db } = database;
  const adminId = await ensureAdminUser(db, config);
  const user = { id: adminId, username: config.adminUsername, displayName: config.adminDisplayName, role: "admin" };
  const projectDir = path.join(config.projectsRoot, "bench");
  fs.mkdirSync(projectDir, { recursive: true });
  fs.writeFileSync(path.join(projectDir, "trivial.yml"), TRIVIAL);
  fs.writeFileSync(path.join(projectDir, "big.yml"), BIG);
  fs.writeFileSync(path.join(dataDir, "inventory"), INVENTORY);
  const t = Math.floor(Date.now() / 1000);
  const [project] = await db
    .insert(projects)
    .values({ name: "bench", localPath: "bench", playbooks: ["trivial.yml", "big.yml"], ctime: t })
    .returning();
  const [inventory] = await db
    .insert(inventories)
    .values({ name: "local", content: INVENTORY, hosts: ["localhost"], ctime: t })
    .returning();
  const [credential] = await db.insert(credentials).values({ name: "none", ctime: t }).returning();
  if (!project || !inventory || !credential) throw new Error("bench catalog not inserted");
  let executor = await startExecutor(database, { ...config, workerCapacity: 2, workerId: "bench-executor" });

  const launch = async (playbook: string) => {
    const t0 = performance.now();
    const job = await createJob(db, user, jsonSource({ project: project.id, inventory: inventory.id, credential: credential.id, playbook }));
    let running = NaN;
    let firstLine = NaN;
    for (;;) {
      const [row] = await db.select({ state: jobs.state }).from(jobs).where(eq(jobs.id, job.id));
      if (!row) throw new Error(`job ${job.id} vanished`);
      if (Number.isNaN(running) && row.state !== "new" && row.state !== "waiting") running = performance.now() - t0;
      if (Number.isNaN(firstLine)) {
        const [l] = await db
          .select({ n: jobOutputLines.lineNo })
          .from(jobOutputLines)
          .where(and(eq(jobOutputLines.jobId, job.id), eq(jobOutputLines.lineNo, 1)));
        if (l) firstLine = performance.now() - t0;
      }
      if (["successful", "failed", "canceled", "error"].includes(row.state))
        return { id: job.id, state: row.state, running, firstLine, total: performance.now() - t0 };
      await sleep(5);
    }
  };

  console.log("[bench] warming up ...");
  await runDirect(projectDir, "trivial.yml", path.join(dataDir, "inventory"));
  await launch("trivial.yml");
  const direct: number[] = [];
  const product: Awaited<ReturnType<typeof launch>>[] = [];
  for (let i = 0; i < RUNS; i++) {
    direct.push(await runDirect(projectDir, "trivial.yml", path.join(dataDir, "inventory")));
    product.push(await launch("trivial.yml"));
  }
  if (product.some((p) => p.state !== "successful")) throw new Error("a trivial run did not succeed");

  // the sandbox: one start of `true` in it (as a job's: its user, a writable job dir) against `true` alone,
  // then the trivial playbook again with SANDBOX=off
  const isolation = resolveIsolation(config);
  if (isolation.mode !== "sandbox") throw new Error(`the sandbox cannot start here (${isolation.mode}): install bubblewrap`);
  const sandboxed = [
    isolation.bwrap,
    ...bwrapArgs({ mounts: [{ from: dataDir, to: "/job", writable: true }], cwd: "/job", user: isolation.user, command: ["/bin/true"] }),
  ];
  const bare: number[] = [];
  const inSandbox: number[] = [];
  for (let i = 0; i < 40; i++) {
    bare.push(await timeSpawn(["/bin/true"]));
    inSandbox.push(await timeSpawn(sandboxed));
  }
  // on and off alternate, so a drift in the machine's load falls on both alike
  const sandboxedRuns: Awaited<ReturnType<typeof launch>>[] = [];
  const unsandboxed: Awaited<ReturnType<typeof launch>>[] = [];
  for (let i = 0; i < SANDBOX_RUNS; i++) {
    for (const sandbox of ["off", "on"] as const) {
      await executor.stop();
      executor = await startExecutor(database, { ...config, sandbox, workerCapacity: 2, workerId: `bench-executor-${sandbox}` });
      (sandbox === "on" ? sandboxedRuns : unsandboxed).push(await launch("trivial.yml"));
    }
  }
  await executor.stop();
  executor = await startExecutor(database, { ...config, workerCapacity: 2, workerId: "bench-executor" });

  // the store path alone: 100,000 coloured lines with a secret to mask
  const storeJob = await createJob(db, user, jsonSource({ state: "successful", start_time: t, finish_time: t, kind: "adhoc", module: "ping" }));
  const writer = new OutputWriter(db, storeJob.id, makeRedactor(["s3cret-value"]));
  const sample = Array.from(
    { length: 100_000 },
    (_, i) => `\u001b[0;32mok: [web-${i % 50}.example.com] => (item=${i}) {"changed": false, "msg": "line ${i}"}\u001b[0m`,
  );
  const s0 = performance.now();
  for (let i = 0; i < sample.length; i += 500) writer.writeLines(sample.slice(i, i + 500));
  await writer.flush();
  const storeMs = performance.now() - s0;

  // a real job printing 100,000 lines, against ansible-playbook alone
  const bigDirect = await runDirect(projectDir, "big.yml", path.join(dataDir, "inventory"));
  const big = await launch("big.yml");
  const [{ lines } = { lines: null }] = await db
    .select({ lines: max(jobOutputLines.lineNo) })
    .from(jobOutputLines)
    .where(eq(jobOutputLines.jobId, big.id));

  // opening that job in the built app
  buildIfStale(process.argv.includes("--build"));
  const port = await freePort(3450);
  const server = await startServer({ DATABASE_URL: BASE, DATA_DIR: dataDir, EXECUTOR: "off", NEXT_TELEMETRY_DISABLED: "1" }, port);
  const open = { page: [] as number[], head: [] as number[], tail: [] as number[] };
  try {
    const token = await createToken(db, adminId, { name: "npm run bench:executor" });
    await waitReady(`${server.baseUrl}/api/job/job/?limit=1`, server, { authorization: `Token ${token.key}` });
    const cookie = await logIn(server.baseUrl, config.adminUsername, adminPassword);
    const total = Number(lines);
    const get = async (key: keyof typeof open, p: string) => {
      const t1 = performance.now();
      const r = await fetch(`${server.baseUrl}${p}`, { headers: { cookie }, redirect: "manual" });
      await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`${p}: ${r.status}`);
      open[key].push(performance.now() - t1);
    };
    for (let i = 0; i < 12; i++) {
      await get("page", `/jobs/${big.id}`);
      await get("head", `/api/job/job/${big.id}/lines/?start=1&limit=500`);
      await get("tail", `/api/job/job/${big.id}/lines/?start=${Math.max(1, total - 499)}&limit=500`);
    }
    for (const k of ["page", "head", "tail"] as const) open[k] = open[k].slice(2);
  } finally {
    await server.stop();
  }

  await executor.stop();
  await database.close();
  await recreateDatabase({ create: false });
  fs.rmSync(dataDir, { recursive: true, force: true });

  const dMed = median(direct);
  const pMed = median(product.map((p) => p.total));
  const onMed = median(sandboxedRuns.map((p) => p.total));
  const offMed = median(unsandboxed.map((p) => p.total));
  const rows: [string, string, string][] = [
    ["launch → running (median of 7)", fmt(median(product.map((p) => p.running))), "—"],
    ["launch → first line stored", fmt(median(product.map((p) => p.firstLine))), "—"],
    ["trivial playbook, ansible-playbook direct", fmt(dMed), "—"],
    ["trivial playbook, launch → final state", fmt(pMed), "—"],
    ["overhead ratio (product / direct)", `${(pMed / dMed).toFixed(2)}×`, "≤ 1.1×"],
    ["one sandbox start (`true` in bwrap, as the job's user) minus `true` alone, median of 40", fmt(median(inSandbox) - median(bare)), "≤ 50 ms"],
    ["trivial playbook, launch → final state, SANDBOX=on / off (alternating, medians of 15)", `${fmt(onMed)} / ${fmt(offMed)}`, "—"],
    ["sandbox added per job (SANDBOX=on minus off)", fmt(onMed - offMed), "≤ 50 ms"],
    ["ingest, store path alone (100,000 lines)", `${Math.round(100_000 / (storeMs / 1000)).toLocaleString("en")} lines/s`, "≥ 50,000 lines/s"],
    [
      `100,000-line job end to end (${Number(lines).toLocaleString("en")} lines)`,
      `${fmt(big.total)} (${Math.round(Number(lines) / (big.total / 1000)).toLocaleString("en")} lines/s)`,
      "—",
    ],
    ["same playbook, ansible-playbook direct", fmt(bigDirect), "—"],
    ["open its detail page (HTML, p50)", fmt(median(open.page)), "—"],
    ["its first 500 lines (p50)", fmt(median(open.head)), "—"],
    ["its last 500 lines (p50)", fmt(median(open.tail)), "—"],
  ];
  console.log(`\nExecutor benchmark — ${os.cpus().length} cores, ${new Date().toISOString().slice(0, 10)}, PostgreSQL, ansible-core\n`);
  console.log("| measure | result | target |\n|---|---|---|");
  for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`);
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
