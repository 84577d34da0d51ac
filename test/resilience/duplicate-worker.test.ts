import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { workers } from "@/db/schema";
import { ctx } from "../api";
import { makeCredential, makeLocalInventory, makeProject, outputOf, processesWith, waitForState, launchJob } from "../executor/helpers";
import { startWorker, UNHANDLED, until, type WorkerProcess } from "./processes";

/**
 * Issue 11 F5: a second worker process started with the id of a running one (a restart
 * overlapping the old process). It must wait for the id instead of ending the running
 * one's jobs; the first finishes its job within its grace period and gives the id back on
 * SIGTERM; the second then takes it and runs the next job — and is not reaped as lost.
 * PostgreSQL only: on the embedded database a second process cannot open the database at
 * all (db/pglite-lock.ts refuses it: "in use by process …").
 */
const PLAY = (tasks: string) => `- hosts: all\n  gather_facts: false\n  tasks:\n${tasks}`;
const MARKER = "12.3131";
const procs: WorkerProcess[] = [];

async function fail(id: number): Promise<never> {
  throw new Error(`job ${id} ended before its command ran:\n${(await outputOf(id)).join("\n")}`);
}

afterAll(() => {
  for (const p of procs) if (p.child.exitCode === null) p.child.kill("SIGKILL");
});

describe.skipIf(!process.env.DATABASE_URL)("two worker processes with one WORKER_ID", () => {
  it("the second waits for the id, never ending the first one's jobs, and takes it when the first stops", async () => {
    const { db, config } = await ctx();
    const project = await makeProject("dup", {
      "wait.yml": PLAY(`    - ansible.builtin.command: sleep ${MARKER}\n`),
      "hello.yml": PLAY(`    - ansible.builtin.debug: { msg: "hello from the second" }\n`),
    });
    const inventory = await makeLocalInventory();
    const credential = await makeCredential();
    const launch = (playbook: string) => launchJob({ project: project.id, inventory: inventory.id, credential: credential.id }, { playbook });
    const env = (name: string) => ({
      WORKER_ID: "dup-worker",
      WORKER_CAPACITY: "1",
      SHUTDOWN_GRACE_SECONDS: "90",
      DATA_DIR: path.join(process.env.DATA_DIR!, name),
      PROJECTS_ROOT: config.projectsRoot,
    });
    const holder = async () => (await db.select().from(workers).where(eq(workers.id, "dup-worker")))[0];

    const first = startWorker(env("first"));
    procs.push(first);
    await first.waitForLog(/worker dup-worker started/);
    const held = await launch("wait.yml");
    await waitForState(held, ["running"]);
    await until(
      async () =>
        processesWith(MARKER).length > 0 || ((await waitForState(held, ["running", "successful", "failed", "error"])).state !== "running" && fail(held)),
      90_000,
      first.log,
    );
    const lease = await holder();
    expect(lease!.pid).toBe(first.child.pid);

    const second = startWorker(env("second"));
    procs.push(second);
    await second.waitForLog(new RegExp(`worker id "dup-worker" is held by a running process \\(pid ${first.child.pid} `));
    expect((await waitForState(held, ["running"])).workerId).toBe("dup-worker");
    expect((await holder())!.instance).toBe(lease!.instance);

    first.child.kill("SIGTERM");
    const done = await waitForState(held, undefined, 120_000);
    expect(done.state, (await outputOf(held)).join("\n")).toBe("successful");
    expect(await first.exited).toEqual({ code: 0, signal: null });
    await second.waitForLog(/worker dup-worker started/);
    expect((await holder())!.pid).toBe(second.child.pid);

    const next = await launch("hello.yml");
    const ran = await waitForState(next, undefined, 120_000);
    expect(ran.state, (await outputOf(next)).join("\n")).toBe("successful");
    expect(ran.workerId).toBe("dup-worker");
    expect((await holder())!.instance).not.toBe(lease!.instance);

    second.child.kill("SIGTERM");
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(await holder()).toBeUndefined();
    for (const p of [first, second]) {
      expect(p.log()).not.toMatch(UNHANDLED);
      expect(p.log()).not.toMatch(/ended \d+ job\(s\)/);
    }
  }, 400_000);
});
