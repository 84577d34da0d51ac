import type PgBoss from "pg-boss";
import { errorLine } from "@/db/retry";
import { RUN_JOB_QUEUE, type RunJobMessage } from "./queue";

export type QueueConsumer = {
  /** job ids from the message's arrival until their run returned */
  inFlight: Set<number>;
  /** ends the poll wait of idle slots (a job was dispatched) */
  wake: () => void;
  /** takes no more messages; a slot running a job keeps running it */
  stop: () => void;
};

/**
 * `slots` loops, each taking one run-job message at a time. Replaces pg-boss's `work()`,
 * which completes a message without awaiting it (a dropped connection at that moment is
 * an unhandled rejection) and may hand over a message it fetched while stopping. Here
 * every failure is caught and logged, a message taken after `stop()` is handed back
 * (`release`), and one job is never run twice at once in this process.
 */
export function consumeQueue(
  boss: PgBoss,
  opts: { slots: number; pollMs: number; run: (jobId: number) => Promise<void>; release: (jobId: number) => Promise<void> },
): QueueConsumer {
  const inFlight = new Set<number>();
  const sleepers = new Set<() => void>();
  let stopped = false;
  const wake = () => {
    for (const resume of sleepers) resume();
    sleepers.clear();
  };
  const idle = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        sleepers.delete(resume);
        resolve();
      }, opts.pollMs);
      const resume = () => {
        clearTimeout(timer);
        resolve();
      };
      sleepers.add(resume);
    });
  const handle = async (message: PgBoss.Job<RunJobMessage>) => {
    const jobId = Number(message.data?.jobId);
    if (stopped) await opts.release(jobId).catch((e) => console.error("[executor] release job", jobId, errorLine(e)));
    else if (Number.isInteger(jobId) && !inFlight.has(jobId)) {
      inFlight.add(jobId);
      try {
        await opts.run(jobId);
      } catch (e) {
        console.error("[executor] job", jobId, errorLine(e));
      } finally {
        inFlight.delete(jobId);
      }
    }
    // the job row is the truth (retries are off): a message left active only expires
    await boss.complete(RUN_JOB_QUEUE, message.id).catch((e) => console.error("[queue] complete:", errorLine(e)));
  };
  const loop = async () => {
    while (!stopped) {
      // pg-boss's fetch answers [] when the query fails
      const messages = await boss.fetch<RunJobMessage>(RUN_JOB_QUEUE, { batchSize: 1 }).catch(() => []);
      for (const m of messages) await handle(m);
      if (messages.length === 0 && !stopped) await idle();
    }
  };
  for (let i = 0; i < opts.slots; i++) void loop().catch((e) => console.error("[executor] queue loop:", errorLine(e)));
  return {
    inFlight,
    wake,
    stop() {
      stopped = true;
      wake();
    },
  };
}
