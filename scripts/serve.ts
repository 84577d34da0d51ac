import cluster, { type Worker } from "node:cluster";
import path from "node:path";
import { readConfig, type Config } from "@/core/config";
import { READY_MESSAGE } from "@/core/process-lifecycle";

/** a web process that lived this long before it died is started again after FIRST_DELAY_MS; a quicker death waits longer each time */
const HEALTHY_MS = 60_000;
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;
/** past the workers' own limit (SHUTDOWN_GRACE_SECONDS + 60 s, core/process-lifecycle.ts), a stop that hangs is cut */
const STOP_SLACK_MS = 75_000;

type Slot = { index: number; worker?: Worker; startedAt: number; hasServed: boolean; quickDeaths: number; restart?: NodeJS.Timeout };

/**
 * `npm start`: the built app served on PORT by WEB_CONCURRENCY web processes (Node's
 * cluster: the primary holds the port and hands each new connection to the next process).
 * Each process is `next start` itself, told its number in ZUOYE_WEB_PROCESS; number 1
 * also runs the machine's background work (server/start-server.ts). Idle connections stay open
 * KEEP_ALIVE_SECONDS (Next's --keepAliveTimeout). A process that dies is
 * started again (after 0.5 s, doubling to 30 s while it keeps dying within a minute); one
 * that fails at the first start stops the launcher, as `next start` would exit. SIGTERM or
 * SIGINT is passed to every process, which stop as a lone `next start` does (running jobs
 * get SHUTDOWN_GRACE_SECONDS); the launcher exits once they all have.
 */
function main() {
  const config = configOrExit();
  const count = config.webConcurrency;
  cluster.setupPrimary({
    exec: path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next"),
    // extra arguments reach `next start` as they did when `npm start` was `next start` (the last of an option wins)
    args: ["start", "-p", String(config.port), "-H", config.hostname, "--keepAliveTimeout", String(config.keepAliveSeconds * 1000), ...process.argv.slice(2)],
    execArgv: withoutTsx(process.execArgv),
  });
  const slots: Slot[] = Array.from({ length: count }, (_, i) => ({ index: i + 1, startedAt: 0, hasServed: false, quickDeaths: 0 }));
  let stopping = false;
  let failed = false;
  let announced = false;

  const start = (slot: Slot) => {
    slot.restart = undefined;
    slot.startedAt = Date.now();
    const worker = cluster.fork({ ZUOYE_WEB_PROCESS: String(slot.index) });
    slot.worker = worker;
    worker.on("message", (message) => {
      if (message !== READY_MESSAGE) return;
      slot.hasServed = true;
      if (!announced && slots.every((s) => s.hasServed)) {
        announced = true;
        console.log(`[serve] ${count} web process${count === 1 ? "" : "es"} serving on http://${config.hostname}:${config.port}`);
      }
    });
    worker.on("exit", (code: number | null, signal: string | null) => onExit(slot, worker, code, signal));
  };

  const finishIfDone = () => {
    if (slots.some((s) => s.worker)) return;
    process.exit(failed ? 1 : 0);
  };

  const onExit = (slot: Slot, worker: Worker, code: number | null, signal: string | null) => {
    if (slot.worker === worker) slot.worker = undefined;
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (stopping) {
      // 130/143: `next start` ends with 128 + the signal it stopped for
      if (!(code === 0 || code === 130 || code === 143 || signal === "SIGTERM" || signal === "SIGINT")) failed = true;
      finishIfDone();
      return;
    }
    if (!slot.hasServed) {
      console.error(`[serve] web process ${slot.index} (pid ${worker.process.pid}) did not start (${how}): stopping`);
      failed = true;
      stop("SIGTERM");
      return;
    }
    slot.quickDeaths = Date.now() - slot.startedAt >= HEALTHY_MS ? 0 : slot.quickDeaths + 1;
    const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, slot.quickDeaths - 1));
    console.error(`[serve] web process ${slot.index} (pid ${worker.process.pid}) exited (${how}): starting it again in ${delay / 1000} s`);
    slot.restart = setTimeout(() => start(slot), delay);
  };

  const stop = (signal: NodeJS.Signals) => {
    if (!stopping) {
      stopping = true;
      setTimeout(
        () => {
          console.error("[serve] web processes did not stop in time: killing them");
          for (const s of slots) s.worker?.process.kill("SIGKILL");
          process.exit(1);
        },
        config.shutdownGraceSeconds * 1000 + STOP_SLACK_MS,
      ).unref();
    }
    for (const s of slots) {
      clearTimeout(s.restart);
      s.restart = undefined;
      s.worker?.process.kill(signal);
    }
    finishIfDone();
  };

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      // every signal is passed on: a second one ends the running jobs' grace, a third ends the processes
      console.log(`[serve] ${signal}: stopping ${count} web process${count === 1 ? "" : "es"}`);
      stop(signal);
    });
  }
  for (const slot of slots) start(slot);
}

/** A bad value stops the launcher before any process starts, with the message naming it. */
function configOrExit(): Config {
  try {
    return readConfig();
  } catch (e) {
    console.error(`[serve] ${(e as Error).message}`);
    process.exit(1);
  }
}

/** The web processes run Next's compiled server: tsx's loader (how this file runs) is not needed there. */
function withoutTsx(execArgv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!;
    if (["--import", "--require", "-r", "--loader"].includes(arg) && /tsx/.test(execArgv[i + 1] ?? "")) i++;
    else if (!/^--(import|require|loader)=.*tsx/.test(arg)) out.push(arg);
  }
  return out;
}

main();
