import { spawn, type ChildProcess } from "node:child_process";
import type { NextProcess } from "../http/next-process";

/** Reports of errors nobody handled, in our words (process-lifecycle.ts), Next's, and Node's own. */
export const UNHANDLED = /unhandled.?rejection|uncaught.?exception|UnhandledPromiseRejection/i;

export type WorkerProcess = {
  child: ChildProcess;
  log: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** resolves once the log matches `pattern` */
  waitForLog: (pattern: RegExp, ms?: number) => Promise<void>;
};

/** `npm run worker` as a process of its own (`scripts/worker.ts` through tsx), with `env` added to this process's. */
export function startWorker(env: Record<string, string>): WorkerProcess {
  let log = "";
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    log: () => log,
    exited,
    waitForLog: async (pattern, ms = 120_000) =>
      void (await until(
        () => pattern.test(log) || undefined,
        ms,
        () => `no ${pattern} in the worker's log:\n${log}`,
      )),
  };
}

/** Polls `what` until it returns something other than undefined/false (errors count as "not yet"). */
export async function until<T>(what: () => Promise<T | undefined | false> | T | undefined | false, ms: number, why: () => string): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await what();
      if (v !== undefined && v !== false) return v as T;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out: ${why()}${last ? `\nlast error: ${(last as Error).message}` : ""}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** One API call to a `next start` server as its admin; the body parsed when it is JSON. */
export async function call(s: NextProcess, method: string, p: string, body?: unknown) {
  const r = await fetch(`${s.base}${p}`, {
    method,
    headers: { authorization: `Token ${s.token}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON (a 500 page) */
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: r.status, body: parsed as any };
}
