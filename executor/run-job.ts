import fs from "node:fs";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { retryTransient } from "@/db/retry";
import { jobs, users } from "@/db/schema";
import { explain } from "@/lib/jobs/explanations";
import type { Config } from "@/core/config";
import type { Isolation } from "@/core/sandbox/isolation";
import { nowSeconds } from "@/lib/time";
import { ansibleEnv } from "./ansible-env";
import type { ClaimedJob } from "./claim-next-job";
import { endJob, reasonLine, type JobEnd } from "@/core/jobs/end-job";
import { finalState, type Outcome } from "./final-state";
import { OutputWriter } from "@/core/output/output-writer";
import { prepareRun, RunSetupError } from "./prepare-run";
import { killProcessesUsing } from "./process-group";
import { makeRedactor } from "@/core/output/redact";
import { spawnAnsible } from "./spawn-ansible";
import { logError } from "@/lib/log/log-error";

/** What the executor's watchers need of a job this process runs. */
export type RunControl = {
  canceled: boolean;
  /** stop without writing a final state: the executor stops (and ends the job), or another process ended it */
  shuttingDown?: boolean;
  timedOut?: boolean;
  stop?: () => Promise<void>;
  writer?: OutputWriter;
};

export type ExecutorDeps = {
  db: Db;
  config: Config;
  workerId: string;
  running: Map<number, RunControl>;
  /** the sandbox (or SANDBOX=off and ANSIBLE_RUN_AS), resolved at start */
  isolation: Isolation;
};

/** how long the final state is retried while the database is away */
const END_RETRY_MS = 10 * 60_000;

/**
 * Runs one job this worker claimed (`claimNextJob`: `waiting`, this worker): `running`,
 * Ansible, and a final state written only if this worker still owns the job (the reaper
 * may have ended it). Whatever happens — Ansible's exit, a cancel, the timeout, output
 * that cannot be stored — the job ends with its reason.
 */
export async function runJob(deps: ExecutorDeps, job: ClaimedJob): Promise<void> {
  const { db, config, workerId, running } = deps;
  const jobId = job.id;

  const control: RunControl = { canceled: job.cancelRequested };
  running.set(jobId, control);
  const newWriter = (redact: (t: string) => string) =>
    (control.writer = new OutputWriter(db, jobId, redact, { retryMs: config.outputRetrySeconds * 1000, onFailure: () => void control.stop?.() }));
  let writer = newWriter((t) => t);
  let dir: string | undefined;
  let timer: NodeJS.Timeout | undefined;
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
    writer = newWriter(makeRedactor(prepared.secrets));
    if (control.canceled) {
      await finish(deps, jobId, writer, { state: "canceled", explanation: await canceledExplanation(db, jobId) }, true);
      return;
    }
    if (control.shuttingDown) return;
    await retryTransient(() =>
      db
        .update(jobs)
        .set({ state: "running", startTime: nowSeconds(), scmRevision: prepared.scmRevision })
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
        sandbox:
          isolation.mode === "sandbox"
            ? {
                bwrap: isolation.bwrap,
                user: isolation.user,
                mounts: prepared.mounts,
                home: isolation.home,
                secrets: prepared.secretFiles,
                secretDir: `${prepared.root}/secrets`,
              }
            : undefined,
        user: isolation.mode === "off" ? isolation.runAs : undefined,
      });
    } catch (e) {
      await finish(deps, jobId, writer, { state: "error", explanation: `无法启动 Ansible：${(e as Error).message}` }, true);
      return;
    }
    control.stop = proc.stop;
    if (control.canceled || control.shuttingDown || writer.failed) void control.stop();
    if (job.timeout > 0) {
      timer = setTimeout(() => {
        control.timedOut = true;
        void proc.stop();
      }, job.timeout * 1000);
    }
    const exit = await proc.exited.catch((e: Error) => ({ code: null, signal: null, error: e }));
    clearTimeout(timer);
    proc.killAll();
    if (isolation.mode !== "sandbox") killProcessesUsing(prepared.dir);
    if (control.shuttingDown && !control.canceled) {
      // the executor's stop ends the job once this output is stored (or it was ended elsewhere)
      await writer.flush().catch(() => {});
      return;
    }
    let outcome: Outcome;
    if ("error" in exit) outcome = { state: "error", explanation: `无法启动 Ansible：${exit.error.message}` };
    else if (control.canceled) outcome = { state: "canceled", explanation: await canceledExplanation(db, jobId) };
    else if (control.timedOut) outcome = { state: "failed", explanation: explain.timeout(job.timeout) };
    else {
      const startAtTaskMissed = job.kind !== "adhoc" && job.startAtTask !== "" && !writer.seen.has("playbook_on_task_start") ? job.startAtTask : undefined;
      outcome = withFirstFailure(finalState(exit, { canceled: false, playStarted: writer.seen.has("playbook_on_play_start"), startAtTaskMissed }), writer);
    }
    await finish(deps, jobId, writer, outcome, false);
  } finally {
    clearTimeout(timer);
    running.delete(jobId);
    if (dir) {
      if (deps.isolation.mode !== "sandbox") killProcessesUsing(dir);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** A failed run says which host failed first, in which task, and why. */
function withFirstFailure(outcome: Outcome, writer: OutputWriter): Outcome {
  if (outcome.state !== "failed" || outcome.explanation || !writer.firstFailure) return outcome;
  return { state: "failed", explanation: writer.failureExplanation() };
}

/** "已由 张伟 于 … 取消。": who asked, from the job's row. */
async function canceledExplanation(db: Db, jobId: number): Promise<string> {
  const [row] = await db
    .select({ at: jobs.canceledAt, name: users.displayName, username: users.username })
    .from(jobs)
    .leftJoin(users, eq(users.id, jobs.canceledBy))
    .where(eq(jobs.id, jobId));
  return explain.canceled(row?.name || row?.username || null, row?.at ?? null);
}

/**
 * The reason in the output, then the final state: through the writer while it works, so
 * the reason follows the last line; if storing the output failed, the job ends `error`
 * saying from which line output was lost, and the reason is added after what was stored.
 * The end is retried while the database is away; it is written only if this worker
 * still holds the job.
 */
async function finish(deps: ExecutorDeps, jobId: number, writer: OutputWriter, outcome: Outcome, neverStarted: boolean): Promise<void> {
  const reason = outcome.state === "canceled" ? `作业已被取消。${outcome.explanation}` : outcome.explanation ? reasonLine(outcome.explanation) : "";
  let end: JobEnd = { ...outcome, neverStarted };
  if (!writer.failed) {
    if (reason) writer.writeLines([reason]);
    await writer.flush().catch(() => {});
  }
  const lost = writer.failed;
  if (lost) {
    const why = explain.outputLost(lost.reason, lost.lostFrom);
    end = { state: "error", explanation: why, lines: [reasonLine(why)], neverStarted };
  }
  // a lost connection must not leave the job running: the end is conditional, so repeating it is safe
  await retryTransient(() => endJob(deps.db, jobId, end, eq(jobs.workerId, deps.workerId)), { forMs: END_RETRY_MS }).catch((e) =>
    logError(`[executor] job ${jobId}: could not store its end (${end.state}); the reaper will end it:`, e),
  );
}
