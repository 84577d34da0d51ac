import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import type { Readable } from "node:stream";
import type { AnsibleEvent } from "./host-summary";
import { LineSplitter } from "./line-splitter";
import type { OutputWriter } from "./output-writer";

const HIGH_WATER_LINES = 50_000;

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type RunningAnsible = { pid: number; exited: Promise<Exit> };

/**
 * Starts Ansible in a process group of its own, stdout and stderr merged into one
 * ordered stream (a fixed `sh -c 'exec "$@" 2>&1'`; the arguments stay an argv array),
 * events on fd 3. Lines and events go to the writer; when it falls behind, stdout is
 * paused until it catches up.
 */
export function spawnAnsible(opts: {
  program: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  writer: OutputWriter;
  /** run as this OS user (ANSIBLE_RUN_AS) */
  user?: { uid: number; gid: number };
}): RunningAnsible {
  const child: ChildProcess = spawn("/bin/sh", ["-c", 'exec "$@" 2>&1', "ansible-run", opts.program, ...opts.args], {
    cwd: opts.cwd,
    env: opts.env as NodeJS.ProcessEnv,
    detached: true,
    ...(opts.user ? { uid: opts.user.uid, gid: opts.user.gid } : {}),
    stdio: ["ignore", "pipe", "ignore", "pipe"] as StdioOptions,
  });
  const stdout = child.stdout!;
  const events = child.stdio[3] as Readable;
  const lines = new LineSplitter();
  const eventLines = new LineSplitter();

  stdout.on("data", (chunk: Buffer) => {
    opts.writer.writeLines(lines.push(chunk));
    if (opts.writer.pending > HIGH_WATER_LINES) {
      stdout.pause();
      void opts.writer.flush().catch(() => {}).finally(() => stdout.resume());
    }
  });
  events.on("data", (chunk: Buffer) => {
    for (const text of eventLines.push(chunk)) {
      try {
        opts.writer.writeEvent(JSON.parse(text) as AnsibleEvent);
      } catch {
        /* a torn or foreign line on fd 3 is not an event */
      }
    }
  });
  const streamsDone = Promise.all([stdout, events].map((s) => new Promise<void>((resolve) => {
    s.on("error", () => resolve());
    s.on("close", () => resolve());
  })));
  const exited = new Promise<Exit>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code: number | null, signal: NodeJS.Signals | null) => resolve({ code, signal }));
  }).then(async (exit) => {
    await streamsDone;
    opts.writer.writeLines(lines.end());
    return exit;
  });
  return { pid: child.pid!, exited };
}
