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
import { prepareRunAsDirs, resolveRunAs } from "./run-as";
import { logError } from "@/lib/log/log-error";

export type Executor = { workerId: string; stop: () => Promise<void>; running: Map<number, RunControl> };

const now = () => Math.floor(Date.now() / 1000);

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
export async function startExecutor(database: Database, config: Config): Promise<Executor> {
  const { db } = database;
  const workerId = config.workerId ?? `${os.hostname()}-${process.pid}`;
  const running = new Map<number, RunControl>();
  const runAs = resolveRunAs(config);
  if (runAs) prepareRunAsDirs(config, runAs);
  const deps: ExecutorDeps = { db, config, workerId, running, runAs };

  await db
    .insert(workers)
    .values({ id: workerId, hostname: os.hostname(), pid: process.pid, capacity: config.workerCapacity, startedAt: now(), heartbeatAt: now() })
    .onConflictDoUpdate({ target: workers.id, set: { pid: process.pid, capacity: config.workerCapacity, startedAt: now(), heartbeatAt: now() } });
  const restarted = await endJobsOf(db, workerId);
  if (restarted.length) console.log(`[executor] ended ${restarted.length} job(s) held by this worker before it restarted`);

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
      const wanted = await db
        .select({ id: jobs.id })
        .from(jobs)
        .where(and(inArray(jobs.id, [...running.keys()]), eq(jobs.cancelRequested, true)));
      for (const { id } of wanted) {
        const control = running.get(id);
        if (control && !control.canceled) {
          control.canceled = true;
          void control.stop?.();
        }
      }
    }),
    every(5_000, "scheduler", () => fireDueSchedules(db)),
    every(10_000, "reaper", async () => {
      await reapOrphanedJobs(db);
      await db.delete(workers).where(lt(workers.heartbeatAt, now() - 86_400));
    }),
  ];
  console.log(`[executor] worker ${workerId} started (capacity ${config.workerCapacity}${runAs ? `, Ansible runs as ${runAs.name}` : ""})`);

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
