import os from "node:os";
import { and, eq, inArray, lt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { jobs, workers } from "@/db/schema";
import type { Config } from "@/server/config";
import { fireDueSchedules } from "@/server/schedules/fire-due-schedules";
import { dispatchNewJobs } from "./dispatch-new-jobs";
import { RUN_JOB_QUEUE, startQueue, type RunJobMessage } from "./queue";
import { endJobsOf, reapOrphanedJobs } from "./reap-jobs";
import { runJob, type ExecutorDeps, type RunControl } from "./run-job";
import { prepareRunAsDirs } from "./run-as";
import { resolveIsolation, sandboxUnavailableMessage, type Isolation } from "@/server/sandbox/isolation";
import { sweepRunDir } from "./sweep-run-dir";
import { logError } from "@/lib/log/log-error";

export type Executor = { workerId: string; stop: () => Promise<void>; running: Map<number, RunControl> };

const now = () => Math.floor(Date.now() / 1000);
/** a batch of output in the database's hands this long is not progress */
const JOB_STUCK_MS = 60_000;

/** Repeats `fn` every `ms` (never two at once), logging instead of crashing. */
function every(ms: number, name: string, fn: () => Promise<unknown>): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout;
  const tick = async () => {
    try {
      await fn();
    } catch (e) {
      if (!stopped) logError(`[executor] ${name}:`, (e as Error).message);
    }
    if (!stopped) timer = setTimeout(tick, ms);
  };
  timer = setTimeout(tick, 0);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/**
 * One executor process: registers and heartbeats as a worker, dispatches `new` jobs into
 * pg-boss, runs up to `capacity` of them at once, stops the ones users cancel, and ends
 * jobs whose worker died.
 */
export async function startExecutor(database: Database, config: Config, opts: { isolation?: Isolation } = {}): Promise<Executor> {
  const { db } = database;
  const workerId = config.workerId ?? `${os.hostname()}-${process.pid}`;
  const running = new Map<number, RunControl>();
  const isolation = opts.isolation ?? resolveIsolation(config);
  if (isolation.mode === "off" && isolation.runAs) prepareRunAsDirs(config, isolation.runAs);
  if (isolation.mode === "unavailable") console.error(`[executor] ${sandboxUnavailableMessage(isolation.reason)}`);
  const deps: ExecutorDeps = { db, config, workerId, running, isolation };
  const sandbox = isolation.mode;

  await db
    .insert(workers)
    .values({ id: workerId, hostname: os.hostname(), pid: process.pid, capacity: config.workerCapacity, sandbox, startedAt: now(), heartbeatAt: now() })
    .onConflictDoUpdate({ target: workers.id, set: { pid: process.pid, capacity: config.workerCapacity, sandbox, startedAt: now(), heartbeatAt: now() } });
  const restarted = await endJobsOf(db, workerId);
  if (restarted.length) console.log(`[executor] ended ${restarted.length} job(s) held by this worker before it restarted`);
  const swept = await sweepRunDir(db, config.runDir);
  if (swept) console.log(`[executor] removed ${swept} directory(ies) left by jobs that no longer run`);

  const boss = await startQueue(database);
  const queueWorkers: string[] = [];
  for (let i = 0; i < config.workerCapacity; i++) {
    const queueWorker = await boss.work<RunJobMessage>(RUN_JOB_QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([message]) => {
      await runJob(deps, message.data.jobId);
    });
    queueWorkers.push(queueWorker);
  }
  // a launch wakes the dispatcher at once (NOTIFY from a trigger); local queue workers
  // are then woken too instead of waiting for their next poll
  const dispatch = async () => {
    if ((await dispatchNewJobs(db, boss)).length) for (const w of queueWorkers) boss.notifyWorker(w);
  };
  let dispatching = false;
  let again = false;
  const dispatchSoon = (): void => {
    if (dispatching) {
      again = true;
      return;
    }
    dispatching = true;
    void dispatch()
      .catch((e) => logError("[executor] dispatch:", (e as Error).message))
      .finally(() => {
        dispatching = false;
        if (again) {
          again = false;
          dispatchSoon();
        }
      });
  };
  const unlisten = await database.listen("zuoye_new_job", dispatchSoon);

  const stops = [
    every(10_000, "heartbeat", () => db.update(workers).set({ heartbeatAt: now() }).where(eq(workers.id, workerId))),
    every(1000, "dispatch", async () => dispatchSoon()),
    every(500, "cancel", async () => {
      if (running.size === 0) return;
      const rows = await db
        .select({ id: jobs.id, state: jobs.state, cancelRequested: jobs.cancelRequested })
        .from(jobs)
        .where(inArray(jobs.id, [...running.keys()]));
      for (const row of rows) {
        const control = running.get(row.id);
        if (!control) continue;
        if (!["waiting", "running"].includes(row.state) && !control.orphaned) {
          // ended by someone else (the reaper found it stalled): its Ansible must not run on
          control.orphaned = true;
          void control.stop?.();
        } else if (row.cancelRequested && !control.canceled) {
          control.canceled = true;
          void control.stop?.();
        }
      }
    }),
    // the reaper ends a job whose progress stops being reported: one with a write hung on the database
    every(10_000, "progress", async () => {
      const live = [...running].filter(([, c]) => !c.writer?.isStuck(JOB_STUCK_MS)).map(([id]) => id);
      if (live.length) await db.update(jobs).set({ progressAt: now() }).where(and(inArray(jobs.id, live), eq(jobs.workerId, workerId)));
    }),
    every(5_000, "scheduler", () => fireDueSchedules(db)),
    every(10_000, "reaper", async () => {
      await reapOrphanedJobs(db);
      await sweepRunDir(db, config.runDir);
      await db.delete(workers).where(lt(workers.heartbeatAt, now() - 86_400));
    }),
  ];
  const how =
    isolation.mode === "sandbox" ? `in a bubblewrap sandbox${isolation.user ? ` as ${isolation.user.name}` : ""}`
    : isolation.mode === "off" ? `WITHOUT a sandbox (SANDBOX=off)${isolation.runAs ? ` as ${isolation.runAs.name}` : ""}`
    : "nothing: the sandbox is unavailable";
  console.log(`[executor] worker ${workerId} started (capacity ${config.workerCapacity}; jobs run ${how})`);

  return {
    workerId,
    running,
    async stop() {
      for (const s of stops) s();
      await unlisten().catch(() => {});
      await boss.offWork(RUN_JOB_QUEUE).catch(() => {});
      for (const control of running.values()) {
        control.shuttingDown = true;
        void control.stop?.();
      }
      const deadline = Date.now() + 20_000;
      while (running.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      await boss.stop({ graceful: false, close: true, wait: true }).catch(() => {});
      await db.delete(workers).where(eq(workers.id, workerId)).catch(() => {});
    },
  };
}
