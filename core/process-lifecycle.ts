/** What a process does when it stops: its executor or housekeeping, then its database. */
export type StopProcess = (how: { graceMs?: number; hurry: AbortSignal; why?: string }) => Promise<void>;

/** What a web process says on its IPC channel once it serves, for the launcher (scripts/serve.ts). */
export const READY_MESSAGE = "zuoye:ready";

const KEY = Symbol.for("zuoye.lifecycle");
/** past the grace period, a stop that hangs (a database that never answers) is cut short */
const STOP_LIMIT_MS = 60_000;
/** an uncaught exception: the state is unknown, so no grace, and a short limit */
const CRASH_LIMIT_MS = 20_000;
/**
 * signals this close together are one request: a terminal's Ctrl-C and systemd's stop
 * reach every process of the group, and the launcher (scripts/serve.ts) passes its own on
 */
const SAME_SIGNAL_MS = 1_000;

type Lifecycle = {
  name: string;
  stop: StopProcess;
  graceMs: number;
  stopping?: Promise<void>;
  hurry: AbortController;
  signals: number;
  lastSignalAt: number;
};

/**
 * One module for how the web server and workers meet trouble and signals:
 * - an unhandled rejection is logged and the process goes on: every loop of the executor
 *   catches its own failures, so one that slips through is a missed `catch` around a
 *   single operation, and exiting for it would kill the running jobs of a healthy process;
 * - an uncaught exception is logged, running jobs are stopped and ended `error` at once,
 *   the database is closed, and the process exits 1 for its supervisor to restart it
 *   (Node's state after a throw nobody caught is unknown);
 * - SIGTERM/SIGINT stop once: no more work is taken, running jobs get the grace period,
 *   what still runs is ended, the database is closed, then the process exits. A second
 *   signal ends the grace period; a third exits at once. Signals within a second of the
 *   one counted count as that one.
 *
 * `next start` has its own SIGTERM/SIGINT listener, which closes the HTTP server and calls
 * `process.exit` without waiting for anything else: it is taken off and called after the
 * stop instead, so Next still closes its server and exits with its usual code.
 */
export function installProcessLifecycle(opts: { name: string; graceSeconds: number; stop: StopProcess }): void {
  const g = globalThis as { [KEY]?: Lifecycle };
  if (g[KEY]) {
    g[KEY].stop = opts.stop;
    return;
  }
  const life: Lifecycle = { name: opts.name, stop: opts.stop, graceMs: opts.graceSeconds * 1000, hurry: new AbortController(), signals: 0, lastSignalAt: 0 };
  g[KEY] = life;
  const tag = `[${opts.name}]`;

  process.on("unhandledRejection", (reason) => {
    console.error(`${tag} unhandled rejection (logged; the process goes on):`, reason);
  });
  process.on("uncaughtException", (error, origin) => {
    if (isClosedConnectionRace(error)) {
      console.error(
        `${tag} postgres.js wrote to a connection that had just closed (a known race when connections are cut); the query is retried, the process goes on:`,
        error.message,
      );
      return;
    }
    console.error(`${tag} uncaught exception (${origin}): stopping and exiting 1 for a supervisor to restart`, error);
    life.hurry.abort();
    setTimeout(() => process.exit(1), CRASH_LIMIT_MS).unref();
    void stopOnce(life, { graceMs: 0, why: "进程发生未捕获的异常" }).finally(() => process.exit(1));
  });

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    // only the listeners `process.listeners` shows: tsx's CLI keeps a hidden one that tells
    // its parent process the signal arrived (without it the parent SIGKILLs this process)
    const theirs = process.listeners(signal);
    for (const listener of theirs) process.off(signal, listener);
    process.on(signal, () => {
      if (Date.now() - life.lastSignalAt < SAME_SIGNAL_MS) return;
      life.lastSignalAt = Date.now();
      life.signals++;
      if (life.signals === 2) {
        console.log(`${tag} ${signal} again: the grace period ends now`);
        life.hurry.abort();
        return;
      }
      if (life.signals > 2) {
        console.log(`${tag} ${signal} a third time: exiting now`);
        process.exit(1);
      }
      console.log(`${tag} ${signal}: stopping (running jobs may finish for ${life.graceMs / 1000} s; ${signal} again ends that)`);
      setTimeout(() => {
        console.error(`${tag} the stop did not end in time: exiting`);
        process.exit(1);
      }, life.graceMs + STOP_LIMIT_MS).unref();
      void stopOnce(life, {}).finally(() => {
        if (theirs.length === 0) process.exit(0);
        // Next's own listener: closes the HTTP server, then exits (143 for SIGTERM)
        for (const listener of theirs) (listener as (s: NodeJS.Signals) => void)(signal);
        setTimeout(() => process.exit(0), 5_000).unref();
      });
    });
  }
}

/**
 * postgres.js 3.4 can schedule a write on a connection and close it before the write runs:
 * `nextWrite` then throws from a timer (`Cannot read properties of null (reading 'write')`).
 * Nothing of the process's state is broken (the connection is gone, its queries fail or
 * time out and are retried), so this one is not worth the running jobs.
 */
function isClosedConnectionRace(error: Error): boolean {
  return (
    error instanceof TypeError &&
    error.message === "Cannot read properties of null (reading 'write')" &&
    /\bnextWrite\b/.test(error.stack ?? "") &&
    /[\\/]postgres[\\/]cjs[\\/]src[\\/]connection\.js/.test(error.stack ?? "")
  );
}

function stopOnce(life: Lifecycle, how: { graceMs?: number; why?: string }): Promise<void> {
  life.stopping ??= life
    .stop({ graceMs: how.graceMs ?? life.graceMs, hurry: life.hurry.signal, why: how.why })
    .catch((e) => console.error(`[${life.name}] stopping failed:`, e));
  return life.stopping;
}
