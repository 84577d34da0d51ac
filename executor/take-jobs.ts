import { errorLine, settleWithin } from "@/db/retry";
import type { ClaimedJob } from "./claim-next-job";

export type JobIntake = {
  /** ids of the jobs this process claimed, until their run returned */
  inFlight: Set<number>;
  /** a job was launched: claim now instead of at the next poll */
  wake: () => void;
  /**
   * Runs `fn` with no claim under way (none can be committed yet unanswered), or skips it
   * (undefined) while a claim whose answer was lost is being recovered.
   */
  whileNoClaim: <T>(fn: () => Promise<T>) => Promise<T | undefined>;
  /** claims nothing more; resolves once a claim under way has settled (a job it took is handed back) */
  stop: () => Promise<void>;
};

export type IntakeOptions = {
  capacity: number;
  /** how often an idle intake looks for jobs without being woken (a NOTIFY lost with its connection) */
  pollMs: number;
  /** the claim; with `recover`, the claim of a waiting job of this worker outside `recover` */
  claim: (recover?: ReadonlySet<number>) => Promise<ClaimedJob | undefined>;
  run: (job: ClaimedJob) => Promise<void>;
  /** a job claimed as the intake stopped: made claimable again */
  giveBack: (job: ClaimedJob) => Promise<void>;
  /** a claim not answered within this is counted as lost */
  attemptMs?: number;
};

/**
 * One loop per executor process claims jobs one at a time while fewer than `capacity`
 * run, and starts each claimed job. Claims are never concurrent in a process, so after a
 * claim failed (its answer may have been lost with the connection after it committed) the
 * next ones recover that job: a waiting job of this worker that runs in no slot.
 */
export function takeJobs(opts: IntakeOptions): JobIntake {
  const inFlight = new Set<number>();
  const sleepers = new Set<() => void>();
  let stopped = false;
  let recovering = false;
  let lock: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const turn = lock.then(fn);
    lock = turn.catch(() => {});
    return turn;
  };
  const wake = () => {
    for (const resume of sleepers) resume();
    sleepers.clear();
  };
  const idle = (ms: number) =>
    new Promise<void>((resolve) => {
      const resume = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        sleepers.delete(resume);
        resolve();
      }, ms);
      sleepers.add(resume);
    });

  const start = (job: ClaimedJob) => {
    inFlight.add(job.id);
    void opts
      .run(job)
      .catch((e) => console.error("[executor] job", job.id, errorLine(e)))
      .finally(() => {
        inFlight.delete(job.id);
        wake();
      });
  };

  const attemptMs = opts.attemptMs ?? 10_000;
  let failures = 0;
  const loop = async () => {
    while (!stopped) {
      if (inFlight.size >= opts.capacity) {
        await idle(opts.pollMs);
        continue;
      }
      let job: ClaimedJob | undefined;
      try {
        job = await serial(() => settleWithin(opts.claim(recovering ? inFlight : undefined), attemptMs));
        failures = 0;
      } catch (e) {
        recovering = true;
        console.error("[executor] claim:", errorLine(e));
        await idle(Math.min(200 * 2 ** failures++, opts.pollMs));
        continue;
      }
      if (job && stopped) {
        await opts.giveBack(job).catch((e) => console.error("[executor] give back job", job.id, errorLine(e)));
      } else if (job) {
        start(job);
      } else if (recovering) {
        recovering = false;
      } else {
        await idle(opts.pollMs);
      }
    }
  };
  const looping = loop().catch((e) => console.error("[executor] intake loop:", errorLine(e)));

  return {
    inFlight,
    wake,
    whileNoClaim: (fn) => serial(async () => (recovering ? undefined : settleWithin(fn(), attemptMs))),
    stop() {
      stopped = true;
      wake();
      return looping;
    },
  };
}
