import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { jobs, workers } from "@/db/schema";
import { ctx } from "../api";
import { makeCredential, makeLocalInventory, makeProject, outputOf, processesWith, waitForState, launchJob } from "../executor/helpers";
import { startNext, type NextProcess } from "../http/next-process";
import { call, startWorker, UNHANDLED, until, type WorkerProcess } from "./processes";

/**
 * SIGTERM with a job running: the process takes no more work, lets running jobs finish for
 * SHUTDOWN_GRACE_SECONDS, stops and ends `error` (停止时仍在运行) what still runs, and
 * closes its database — for the embedded server, so cleanly that the next start needs no
 * crash recovery.
 */
const PLAY = (tasks: string) => `- hosts: all\n  gather_facts: false\n  tasks:\n${tasks}`;
const ADMIN_PASSWORD = "shutdown-Admin-Pw-1";
let server: NextProcess | undefined;
let worker: WorkerProcess | undefined;

afterAll(async () => {
  await server?.kill9();
  if (worker && worker.child.exitCode === null) worker.child.kill("SIGKILL");
});

/**
 * PostgreSQL's control file records how the server last stopped: `state` (offset 16, after
 * the system identifier and two version numbers) is 1 (DB_SHUTDOWNED) after a clean
 * shutdown and 6 (DB_IN_PRODUCTION) while running — or after a kill, which makes the next
 * start run crash recovery ("database system was not properly shut down").
 */
const controlFileState = (pgliteDir: string) => fs.readFileSync(path.join(pgliteDir, "global", "pg_control")).readUInt32LE(16);
const DB_SHUTDOWNED = 1;

/** Opens the directory as the next start would (PGlite, with its server log on) and reads the job. */
function openAgain(pgliteDir: string, jobId: number) {
  const script = `
    import { PGlite } from "@electric-sql/pglite";
    const pg = await PGlite.create(process.env.PGLITE_DIR, { debug: 1 });
    const id = Number(process.env.JOB_ID);
    const job = (await pg.query("select state, explanation from jobs where id = $1", [id])).rows[0];
    const last = (await pg.query("select text from job_output_lines where job_id = $1 order by line_no desc limit 1", [id])).rows[0];
    await pg.close();
    console.log("RESULT " + JSON.stringify({ job, last }));`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    env: { ...process.env, PGLITE_DIR: pgliteDir, JOB_ID: String(jobId) },
    encoding: "utf8",
    timeout: 120_000,
  });
  const log = `${r.stdout}\n${r.stderr}`;
  const result = /RESULT (.*)/.exec(r.stdout)?.[1];
  if (!result) throw new Error(`could not open ${pgliteDir} again:\n${log}`);
  return { log, ...(JSON.parse(result) as { job: { state: string; explanation: string }; last: { text: string } }) };
}

describe.skipIf(process.env.DATABASE_URL)("SIGTERM of the embedded server", () => {
  it("ends the running job after the grace period, exits, and leaves the database closed cleanly", async () => {
    const dataDir = path.join(process.env.DATA_DIR!, "sigterm-web");
    const marker = "301.7171";
    fs.mkdirSync(path.join(dataDir, "projects", "wait"), { recursive: true });
    fs.writeFileSync(path.join(dataDir, "projects", "wait", "wait.yml"), PLAY(`    - ansible.builtin.command: sleep ${marker}\n`));
    const grace = 4;
    server = await startNext({
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      EXECUTOR: "inline",
      WORKER_ID: "sigterm-web",
      SHUTDOWN_GRACE_SECONDS: String(grace),
      DEMO_DATA: "0",
      ADMIN_USERNAME: "admin",
      ADMIN_PASSWORD,
    });
    const s = server;
    const inventory = await call(s, "POST", "/api/job/inventory/", {
      name: "local",
      content: "localhost ansible_connection=local ansible_python_interpreter=/usr/bin/python3",
    });
    const project = await call(s, "POST", "/api/job/project/", { name: "wait", scm_type: "manual", local_path: "wait" });
    const credential = await call(s, "POST", "/api/job/credential/", { name: "none" });
    const job = await call(s, "POST", "/api/job/job/", {
      project: project.body.id,
      playbook: "wait.yml",
      inventory: inventory.body.id,
      credential: credential.body.id,
    });
    expect(job.status, JSON.stringify(job.body)).toBe(201);
    await until(() => processesWith(marker).length > 0, 90_000, s.log);
    // on the embedded database a second process (and so a second worker with this id) cannot even open it
    const pgliteDir = path.join(dataDir, "pglite");
    await expect(openDatabase({ pgliteDir })).rejects.toThrow(`in use by process ${s.child.pid}`);

    const started = Date.now();
    await s.stop();
    server = undefined;
    const took = (Date.now() - started) / 1000;
    // the grace, then SIGINT/SIGTERM/SIGKILL to the run (a sleep ends at the first) and closing the database
    expect(took, s.log()).toBeLessThan(grace + 20);
    expect(took).toBeGreaterThanOrEqual(grace);
    // Next's own SIGTERM listener ran last: it closed the HTTP server and exited 128 + 15
    expect(s.child.exitCode, s.log()).toBe(143);
    expect(s.log()).toMatch(/\[zuoye\] SIGTERM: stopping/);
    expect(s.log()).toMatch(/ended 1 job\(s\) still running/);
    expect(s.log()).not.toMatch(UNHANDLED);
    expect(processesWith(marker)).toEqual([]);

    expect(fs.existsSync(`${pgliteDir}.pid`), "the PGlite lock file is gone").toBe(false);
    expect(controlFileState(pgliteDir), "pg_control says: shut down cleanly").toBe(DB_SHUTDOWNED);
    const again = openAgain(pgliteDir, job.body.id);
    expect(again.log).not.toMatch(/not properly shut down|automatic recovery in progress/);
    expect(again.log).toMatch(/database system was shut down at/);
    expect(again.job).toEqual({
      state: "error",
      explanation: expect.stringMatching(/^停止时仍在运行：作业执行器 sigterm-web 停止（宽限期 \d+ 秒内未结束），作业被标记为错误。$/),
    });
    expect(again.last.text).toContain(again.job.explanation);
  }, 300_000);
});

describe.skipIf(!process.env.DATABASE_URL)("SIGTERM of a standalone worker", () => {
  it("takes no new job, lets a short one finish, ends the long one, gives its id back and exits 0", async () => {
    const { db, config } = await ctx();
    const long = "302.6262";
    const project = await makeProject("stopping", {
      "short.yml": PLAY(`    - ansible.builtin.command: sleep 2.6161\n`),
      "long.yml": PLAY(`    - ansible.builtin.command: sleep ${long}\n`),
    });
    const inventory = await makeLocalInventory();
    const credential = await makeCredential();
    const launch = (playbook: string) => launchJob({ project: project.id, inventory: inventory.id, credential: credential.id }, { playbook });
    const grace = 20;
    worker = startWorker({
      WORKER_ID: "sigterm-worker",
      WORKER_CAPACITY: "2",
      SHUTDOWN_GRACE_SECONDS: String(grace),
      DATA_DIR: path.join(process.env.DATA_DIR!, "sigterm-worker"),
      PROJECTS_ROOT: config.projectsRoot,
    });
    const w = worker;
    await w.waitForLog(/worker sigterm-worker started/);
    const longId = await launch("long.yml");
    await until(() => processesWith(long).length > 0, 90_000, w.log);
    const shortId = await launch("short.yml");
    await waitForState(shortId, ["running"]);

    const started = Date.now();
    w.child.kill("SIGTERM");
    await w.waitForLog(/SIGTERM: stopping/);
    const late = await launch("short.yml");
    const exit = await w.exited;
    const took = (Date.now() - started) / 1000;
    expect(exit, w.log()).toEqual({ code: 0, signal: null });
    expect(took).toBeLessThan(grace + 25);

    expect((await waitForState(shortId)).state, (await outputOf(shortId)).join("\n")).toBe("successful");
    const ended = await waitForState(longId);
    expect(ended).toMatchObject({
      state: "error",
      explanation: `停止时仍在运行：作业执行器 sigterm-worker 停止（宽限期 ${grace} 秒内未结束），作业被标记为错误。`,
    });
    expect((await outputOf(longId)).at(-1)).toBe(ended.explanation);
    expect((await db.select().from(jobs).where(eq(jobs.id, late)))[0]!.state, "a job launched while stopping is left for another worker").toBe("new");
    expect(await db.select().from(workers).where(eq(workers.id, "sigterm-worker"))).toEqual([]);
    expect(processesWith(long)).toEqual([]);
    expect(w.log()).not.toMatch(UNHANDLED);
  }, 300_000);
});
