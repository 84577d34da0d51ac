import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { startNext, type NextProcess } from "../http/next-process";
import { hasPostgresBinaries, startCluster, type Cluster } from "./pg-cluster";
import { call, startWorker, UNHANDLED, until, type WorkerProcess } from "./processes";

/**
 * Issue 11 F2: a worker and a web process on a PostgreSQL of their own, four jobs printing
 * numbered lines for ~30 s each, and meanwhile every other backend terminated 40 times
 * (every ~0.5 s, from a fresh connection) and the server restarted once. Every job must
 * end `successful` with its whole output stored once and in order, and both processes must
 * still run without having reported an error nobody handled. PostgreSQL only (the
 * embedded database has no connection to lose); it starts its own cluster, so it leaves
 * the shared server alone.
 */
const ADMIN_PASSWORD = "storm-Admin-Pw-1";
const DB = "zuoye_storm";
const LINES = 60;
const JOBS = 4;
const PLAYBOOK = `- hosts: all
  gather_facts: false
  tasks:
    - name: count
      ansible.builtin.debug:
        msg: "{{ tag }} line {{ item }}"
      loop: "{{ range(1, ${LINES} + 1) | list }}"
      loop_control:
        pause: 0.5
`;

let cluster: Cluster | undefined;
let web: NextProcess | undefined;
let worker: WorkerProcess | undefined;

afterAll(async () => {
  if (worker && worker.child.exitCode === null) worker.child.kill("SIGKILL");
  await web?.kill9();
  cluster?.destroy();
}, 60_000);

const strip = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, "");

describe.skipIf(!process.env.DATABASE_URL || !hasPostgresBinaries())("database trouble while jobs run", () => {
  it("loses no job, no line and no process to 40 rounds of pg_terminate_backend and a restart", async () => {
    cluster = await startCluster();
    const admin = postgres(cluster.url(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${DB}`);
    await admin.end();
    const root = path.join(process.env.DATA_DIR!, "storm");
    const projectsRoot = path.join(root, "projects");
    fs.mkdirSync(path.join(projectsRoot, "count"), { recursive: true });
    fs.writeFileSync(path.join(projectsRoot, "count", "count.yml"), PLAYBOOK);
    const common = { DATABASE_URL: cluster.url(DB), PROJECTS_ROOT: projectsRoot, DEMO_DATA: "0" };

    web = await startNext({ ...common, EXECUTOR: "off", DATA_DIR: path.join(root, "web"), ADMIN_USERNAME: "admin", ADMIN_PASSWORD });
    worker = startWorker({ ...common, DATA_DIR: path.join(root, "worker"), WORKER_ID: "storm-worker", WORKER_CAPACITY: String(JOBS) });
    await worker.waitForLog(/worker storm-worker started/);
    const s = web;
    const logs = () => `--- worker\n${worker!.log()}\n--- web\n${s.log()}`;

    const inventory = await call(s, "POST", "/api/job/inventory/", {
      name: "local",
      content: "localhost ansible_connection=local ansible_python_interpreter=/usr/bin/python3",
    });
    const project = await call(s, "POST", "/api/job/project/", { name: "count", scm_type: "manual", local_path: "count" });
    const credential = await call(s, "POST", "/api/job/credential/", { name: "none" });
    for (const r of [inventory, project, credential]) expect(r.status, JSON.stringify(r.body)).toBe(201);
    const ids: number[] = [];
    for (let n = 1; n <= JOBS; n++) {
      const r = await call(s, "POST", "/api/job/job/", {
        project: project.body.id,
        playbook: "count.yml",
        inventory: inventory.body.id,
        credential: credential.body.id,
        variables: `tag: job${n}`,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      ids.push(r.body.id);
    }
    const state = async (id: number) => {
      const r = await call(s, "GET", `/api/job/job/${id}/`);
      return r.status === 200 ? (r.body.state as string) : undefined;
    };
    await until(async () => (await Promise.all(ids.map(state))).every((st) => st === "running"), 120_000, logs);

    // (a sanity check that the storm was real: a cut connection comes back only with its
    // process's next query, so not every round finds one to cut)
    let roundsThatCut = 0;
    for (let round = 1; round <= 40; round++) {
      if ((await cluster.terminateBackends(DB).catch(() => 0)) > 0) roundsThatCut++;
      if (round === 20) cluster.restart();
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(roundsThatCut, "the storm cut connections in most rounds").toBeGreaterThanOrEqual(20);

    const final = ["successful", "failed", "canceled", "error"];
    const ended = await until(
      async () => {
        const states = await Promise.all(ids.map(state));
        return states.every((st) => st && final.includes(st)) ? states : undefined;
      },
      300_000,
      logs,
    );

    const read = postgres(cluster.url(DB), { max: 1, onnotice: () => {} });
    try {
      for (const [i, id] of ids.entries()) {
        const rows = await read<{ line_no: number; text: string }[]>`select line_no, text from job_output_lines where job_id = ${id} order by line_no`;
        const text = rows.map((r) => strip(r.text));
        const [job] = await read`select state, explanation from jobs where id = ${id}`;
        expect(ended[i], `job ${id}: ${JSON.stringify(job)}\n${text.slice(-5).join("\n")}\n${logs()}`).toBe("successful");
        expect(
          rows.map((r) => r.line_no),
          `job ${id}: line numbers 1..N`,
        ).toEqual(rows.map((_, k) => k + 1));
        let previous = 0;
        for (let line = 1; line <= LINES; line++) {
          const at = text.flatMap((t, k) => (t.trim() === `"msg": "job${i + 1} line ${line}"` ? [k + 1] : []));
          expect(at.length, `job ${id}: "job${i + 1} line ${line}" once`).toBe(1);
          expect(at[0], `job ${id}: line ${line} in order`).toBeGreaterThan(previous);
          previous = at[0]!;
        }
        expect(text.some((t) => t.startsWith("PLAY RECAP"))).toBe(true);
      }
    } finally {
      await read.end();
    }

    expect((await call(s, "GET", "/api/job/job/?limit=1")).status).toBe(200);
    expect(worker.child.exitCode, logs()).toBeNull();
    expect(s.child.exitCode, logs()).toBeNull();
    expect(worker.log()).not.toMatch(UNHANDLED);
    expect(s.log()).not.toMatch(UNHANDLED);
  }, 900_000);
});
