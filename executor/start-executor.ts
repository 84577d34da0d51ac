import os from "node:os";
import { and, eq, inArray, notInArray, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { errorLine, retryTransient, sleep } from "@/db/retry";
import { jobs } from "@/db/schema";
import { ACTIVE_STATES } from "@/lib/jobs/enums";
import { explain } from "@/lib/jobs/explanations";
import { nowSeconds } from "@/lib/time";
import type { Config } from "@/core/config";
import { claimNextJob } from "./claim-next-job";
import { endJobsHeldBy } from "./end-held-jobs";
import { every } from "./every";
import { endJobsOf, WORKER_STALE_S } from "./reap-jobs";
import { clusterChores, RETENTION_TICK_MS } from "./start-housekeeping";
import { runJob, type ExecutorDeps, type RunControl } from "./run-job";
import { prepareRunAsDirs } from "./run-as";
import { resolveIsolation, sandboxUnavailableMessage, type Isolation } from "@/core/sandbox/isolation";
import { startNotifier, type NotifierOptions } from "./start-notifier";
import { sweepRunDir } from "./sweep-run-dir";
import { takeJobs } from "./take-jobs";
import { acquireWorkerLease, releaseWorkerLease, renewWorkerLease, type LeaseHolder } from "./worker-lease";

export type StopOptions = {
  /** how long running jobs may still finish; default SHUTDOWN_GRACE_SECONDS */
  graceMs?: number;
  /** aborted: the grace period ends now (a second signal) */
  hurry?: AbortSignal;
  /** why jobs still running are ended, for their last output line */
  why?: string;
};

export type Executor = {
  workerId: string;
  running: Map<number, RunControl>;
  /** takes no more work, lets running jobs finish for the grace period, stops and ends the rest, gives the worker id back */
  stop: (opts?: StopOptions) => Promise<void>;
};

export type ExecutorOptions = {
  isolation?: Isolation;
  /** how long a start waits for a live process holding the same worker id before refusing */
  leaseWaitMs?: number;
  heartbeatMs?: number;
  /** another process holds this worker id now: the executor has stopped itself */
  onLeaseLost?: (holder: LeaseHolder) => void;
  /** how notifications are sent and retried (tests: shorter waits) */
  notifications?: NotifierOptions;
};

/** a batch of output in the database's hands this long is not progress */
const JOB_STUCK_MS = 60_000;
/** a stopped run ends within ~6 s (SIGINT, SIGTERM, SIGKILL 3 s apart), then its last output is stored */
const STOP_WAIT_MS = 10_000;

/**
 * One executor process: holds its worker id as a lease and heartbeats, claims `new` jobs
 * straight from the jobs table, runs up to `capacity` of them at once, stops the ones users cancel,
 * and ends jobs whose worker died. Every loop logs a failure and goes on, so a dropped
 * database connection costs a few failed ticks, not the process.
 */
export async function startExecutor(database: Database, config: Config, opts: ExecutorOptions = {}): Promise<Executor> {
  const { db } = database;
  const workerId = config.workerId ?? `${os.hostname()}-${process.pid}`;
  const running = new Map<number, RunControl>();
  const isolation = opts.isolation ?? resolveIsolation(config);
  if (isolation.mode === "off" && isolation.runAs) prepareRunAsDirs(config, isolation.runAs);
  if (isolation.mode === "unavailable") console.error(`[executor] ${sandboxUnavailableMessage(isolation.reason)}`);
  const deps: ExecutorDeps = { db, config, workerId, running, isolation };

  // an overlapping restart's predecessor gives the id back when its jobs are done (grace + stop);
  // a dead one stops beating and is taken over after WORKER_STALE_S
  const leaseWaitMs = opts.leaseWaitMs ?? (config.shutdownGraceSeconds + WORKER_STALE_S + 25) * 1000;
  const lease = await acquireWorkerLease(
    db,
    { workerId, capacity: config.workerCapacity, sandbox: isolation.mode },
    {
      waitMs: leaseWaitMs,
      log: (m) => console.log(`[executor] ${m}`),
    },
  );
  if (lease.tookOver)
    console.log(
      `[executor] took worker id ${workerId} over from pid ${lease.tookOver.holder.pid} on ${lease.tookOver.holder.hostname} (${lease.tookOver.why})`,
    );
  // with the lease, every job still held by this id belongs to an earlier life of it
  const restarted = await endJobsOf(db, workerId);
  if (restarted.length) console.log(`[executor] ended ${restarted.length} job(s) held by this worker before it restarted`);
  const swept = await sweepRunDir(db, config.runDir);
  if (swept) console.log(`[executor] removed ${swept} directory(ies) left by jobs that no longer run`);

  // a launch wakes the intake at once (NOTIFY from a trigger, sent at commit); a LISTEN lost
  // in a database restart leaves the 1 s poll
  const intake = takeJobs({
    capacity: config.workerCapacity,
    pollMs: 1000,
    claim: (recover) => claimNextJob(db, lease, recover),
    run: (job) => runJob(deps, job),
    // claimed while stopping, never started: claimable again for another worker or the next start
    giveBack: (job) =>
      retryTransient(
        () =>
          db
            .update(jobs)
            .set({ state: "new", workerId: null, progressAt: null })
            .where(and(eq(jobs.id, job.id), eq(jobs.workerId, workerId), eq(jobs.state, "waiting"))),
        { forMs: 5_000 },
      ).then(() => {}),
  });
  const unlisten = await database.listen("zuoye_new_job", intake.wake);
  // the notifications jobs' state changes queued (migration 0020), sent by every executor
  const stopNotifier = await startNotifier(database, config, opts.notifications);

  let leaseLost = false;
  let stopping: Promise<void> | undefined;
  const onLost = (holder: LeaseHolder) => {
    if (leaseLost) return;
    leaseLost = true;
    console.error(
      `[executor] worker id ${workerId} is now held by another process (pid ${holder.pid} on ${holder.hostname}): ` +
        "this one lost it (no heartbeat got through in time, or a second process runs with the same WORKER_ID) and stops its jobs",
    );
    void stop({ graceMs: 0, why: explain.leaseLost }).finally(() => opts.onLeaseLost?.(holder));
  };

  // beat and cancel until the very end of a stop; the intake and the housekeeping stop first
  const vital = [
    every(
      opts.heartbeatMs ?? 10_000,
      "executor heartbeat",
      async () => {
        const renewed = await renewWorkerLease(db, lease);
        if (renewed === "recreated") console.warn(`[executor] the row of worker ${workerId} was missing: made again`);
        else if (typeof renewed === "object") onLost(renewed.lost);
      },
      { retryMs: 1000, first: opts.heartbeatMs ?? 10_000, attemptMs: 5_000 },
    ),
    every(
      500,
      "executor cancel",
      async () => {
        if (running.size === 0) return;
        const wanted = await db
          .select({ id: jobs.id, state: jobs.state })
          .from(jobs)
          .where(and(inArray(jobs.id, [...running.keys()]), or(eq(jobs.cancelRequested, true), notInArray(jobs.state, [...ACTIVE_STATES]))));
        for (const { id, state } of wanted) {
          const control = running.get(id);
          if (!control || control.canceled || control.shuttingDown) continue;
          // a cancel; or ended by another process (a reaper, after this worker could not beat for
          // 30 s): Ansible is stopped and the job left as it was ended
          if (state === "waiting" || state === "running") control.canceled = true;
          else control.shuttingDown = true;
          void control.stop?.();
        }
      },
      { attemptMs: 5_000 },
    ),
    // the reaper ends a job whose progress stops being reported: one whose output write hangs
    every(
      10_000,
      "executor progress",
      async () => {
        const live = [...running].filter(([, c]) => !c.writer?.isStuck(JOB_STUCK_MS)).map(([id]) => id);
        if (live.length)
          await db
            .update(jobs)
            .set({ progressAt: nowSeconds() })
            .where(and(inArray(jobs.id, live), eq(jobs.workerId, workerId)));
      },
      { retryMs: 1000, attemptMs: 10_000 },
    ),
  ];
  const chores = clusterChores(database);
  const housekeeping = [
    every(5_000, "executor scheduler", chores.fireSchedules),
    every(RETENTION_TICK_MS, "executor retention", chores.retention, { first: RETENTION_TICK_MS }),
    every(10_000, "executor reaper", async () => {
      await chores.reap();
      await sweepRunDir(db, config.runDir);
      // a job this worker holds in the database but runs in no slot (its claim's answer was
      // lost with the connection, or its run failed before the end) would never end otherwise;
      // the lease is renewed first, so the jobs of this id are surely this process's
      const renewed = await renewWorkerLease(db, lease);
      if (typeof renewed === "object") return onLost(renewed.lost);
      // no claim may be under way: one committed but not yet answered runs in no slot either
      if (!stopping) await intake.whileNoClaim(() => endJobsHeldBy(db, workerId, explain.notRunningHere(workerId), intake.inFlight, lease.instance));
    }),
  ];

  const stop = (stopOpts: StopOptions = {}): Promise<void> =>
    (stopping ??= (async () => {
      const graceMs = stopOpts.graceMs ?? config.shutdownGraceSeconds * 1000;
      const intakeStopped = intake.stop();
      for (const s of housekeeping) s();
      await unlisten().catch(() => {});
      await intakeStopped;
      await stopNotifier();
      if (intake.inFlight.size > 0) {
        console.log(`[executor] stopping: ${intake.inFlight.size} job(s) still running, ${Math.round(graceMs / 1000)} s to finish`);
        await until(() => intake.inFlight.size === 0, graceMs, stopOpts.hurry);
      }
      // a job still being claimed or prepared is marked when it appears: it then never starts Ansible
      const stopRunning = () => {
        for (const control of running.values()) {
          if (control.shuttingDown) continue;
          control.shuttingDown = true;
          void control.stop?.();
        }
        return intake.inFlight.size === 0;
      };
      if (!stopRunning()) await until(stopRunning, STOP_WAIT_MS);
      // a lost lease: the jobs of this id are the new holder's (it ended this process's at takeover)
      if (!leaseLost) {
        const why = explain.stoppedRunning(workerId, stopOpts.why ?? explain.graceOver(Math.round(graceMs / 1000)));
        const ended = await retryTransient(() => endJobsHeldBy(db, workerId, why, undefined, lease.instance), { forMs: 10_000 }).catch(
          (e) => (console.error("[executor] ending the jobs still running:", errorLine(e)), []),
        );
        if (ended.length) console.log(`[executor] ended ${ended.length} job(s) still running: ${why}`);
      }
      for (const s of vital) s();
      if (!leaseLost) await retryTransient(() => releaseWorkerLease(db, lease), { forMs: 5_000 }).catch(() => {});
    })());

  const how =
    isolation.mode === "sandbox"
      ? `in a bubblewrap sandbox${isolation.user ? ` as ${isolation.user.name}` : ""}`
      : isolation.mode === "off"
        ? `WITHOUT a sandbox (SANDBOX=off)${isolation.runAs ? ` as ${isolation.runAs.name}` : ""}`
        : "nothing: the sandbox is unavailable";
  console.log(`[executor] worker ${workerId} started (capacity ${config.workerCapacity}; jobs run ${how})`);

  return { workerId, running, stop };
}

/** Waits until `done()`, at most `ms`, or until `signal` aborts. */
async function until(done: () => boolean, ms: number, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline && !signal?.aborted) await sleep(Math.min(100, deadline - Date.now()), signal);
}
