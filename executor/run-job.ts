import fs from "node:fs";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { retryTransient } from "@/db/retry";
import { jobs } from "@/db/schema";
import type { Config } from "@/server/config";
import { ansibleEnv } from "./ansible-env";
import { claimJob } from "./claim-job";
import { finalState, type Outcome } from "./final-state";
import { OutputWriter } from "./output-writer";
import { prepareRun, RunSetupError } from "./prepare-run";
import { killProcessesUsing } from "./process-group";
import { makeRedactor } from "./redact";
import { spawnAnsible } from "./spawn-ansible";
import type { Isolation } from "@/server/sandbox/isolation";

/** What the cancel watcher needs to stop a job this process runs. */
export type RunControl = {
  canceled: boolean;
  /** stop without writing a final state: the executor stops (and ends the job), or another process ended it */
  shuttingDown?: boolean;
  stop?: () => Promise<void>;
};

export type ExecutorDeps = {
  db: Db;
  config: Config;
  workerId: string;
  running: Map<number, RunControl>;
  /** the sandbox (or SANDBOX=off and ANSIBLE_RUN_AS), resolved at start */
  isolation: Isolation;
};

const now = () => Math.floor(Date.now() / 1000);
const RED = "\u001b[0;31m";
const RESET = "\u001b[0m";

/**
 * Runs one launched job, exactly once: the claim `new → waiting` is one conditional
 * UPDATE, so whichever worker gets the row runs it and any other copy of the message is
 * dropped. Then `running`, Ansible, and a final state written only if this worker still
 * owns the job (the reaper may have ended it).
 */
export async function runJob(deps: ExecutorDeps, jobId: number): Promise<void> {
  const { db, config, workerId, running } = deps;
  const job = await claimJob(db, jobId, workerId);
  if (!job) return;

  const control: RunControl = { canceled: job.cancelRequested };
  running.set(jobId, control);
  let dir: string | undefined;
  let writer = new OutputWriter(db, jobId, (t) => t);
  try {
    let prepared;
    try {
      prepared = await prepareRun(db, config, job, deps.isolation);
    } catch (e) {
      const reason = e instanceof RunSetupError ? e.message : `执行器内部错误：${(e as Error).message}`;
      await finish(deps, jobId, writer, { state: "error", explanation: reason }, true);
      return;
    }
    dir = prepared.dir;
    writer = new OutputWriter(db, jobId, makeRedactor(prepared.secrets));
    if (control.canceled) {
      await finish(deps, jobId, writer, { state: "canceled", explanation: "" }, true);
      return;
    }
    if (control.shuttingDown) return;
    await retryTransient(() =>
      db
        .update(jobs)
        .set({ state: "running", startTime: now() })
        .where(and(eq(jobs.id, jobId), eq(jobs.workerId, workerId), eq(jobs.state, "waiting"))),
    );

    const { isolation } = deps;
    let proc;
    try {
      proc = spawnAnsible({
        program: prepared.program,
        args: prepared.args,
        cwd: prepared.cwd,
        env: ansibleEnv(prepared.root, prepared.callbackDir),
        writer,
        sandbox: isolation.mode === "sandbox"
          ? { bwrap: isolation.bwrap, user: isolation.user, mounts: prepared.mounts, secrets: prepared.secretFiles, secretDir: `${prepared.root}/secrets` }
          : undefined,
        user: isolation.mode === "off" ? isolation.runAs : undefined,
      });
    } catch (e) {
      await finish(deps, jobId, writer, { state: "error", explanation: `无法启动 Ansible：${(e as Error).message}` }, true);
      return;
    }
    control.stop = proc.stop;
    if (control.canceled || control.shuttingDown) void control.stop();
    const exit = await proc.exited.catch((e: Error) => ({ code: null, signal: null, error: e }));
    proc.killAll();
    if (isolation.mode !== "sandbox") killProcessesUsing(prepared.dir);
    if (control.shuttingDown && !control.canceled) {
      // the executor's stop ends the job once this output is stored (or it was ended elsewhere)
      await writer.flush();
      return;
    }
    const outcome: Outcome =
      "error" in exit
        ? { state: "error", explanation: `无法启动 Ansible：${exit.error.message}` }
        : finalState(exit, { canceled: control.canceled, playStarted: writer.seen.has("playbook_on_play_start") });
    await finish(deps, jobId, writer, outcome, false);
  } finally {
    running.delete(jobId);
    if (dir) {
      if (deps.isolation.mode !== "sandbox") killProcessesUsing(dir);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}


async function finish(deps: ExecutorDeps, jobId: number, writer: OutputWriter, outcome: Outcome, neverStarted: boolean): Promise<void> {
  if (outcome.explanation) writer.writeLines([`${RED}${outcome.explanation}${RESET}`]);
  if (outcome.state === "canceled") writer.writeLines(["作业已被取消。"]);
  await writer.flush();
  const t = now();
  // a lost connection must not leave the job running: the final state is tried again (it is conditional, so repeating is safe)
  await retryTransient(
    () =>
      deps.db
        .update(jobs)
        .set({
          state: outcome.state,
          finishTime: t,
          explanation: outcome.explanation,
          ...(neverStarted ? { startTime: sql`coalesce(${jobs.startTime}, ${t})` } : {}),
        })
        .where(and(eq(jobs.id, jobId), eq(jobs.workerId, deps.workerId), inArray(jobs.state, ["waiting", "running"]))),
    { forMs: 300_000 },
  );
}
