import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import type { Readable, Writable } from "node:stream";
import { bwrapArgs, SANDBOX_JOB_DIR, type SandboxMount, type SandboxUser } from "@/core/sandbox/bwrap";
import type { AnsibleEvent } from "@/core/output/host-summary";
import { LineSplitter } from "./line-splitter";
import type { OutputWriter } from "@/core/output/output-writer";
import { groupTree, sandboxTree, stopTree, type ProcessTree } from "./process-group";

const HIGH_WATER_LINES = 50_000;
const EVENTS_FD = 3;
const INFO_FD = 4;
const FIRST_SECRET_FD = 5;

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type RunningAnsible = {
  exited: Promise<Exit>;
  /** SIGINT, SIGTERM, SIGKILL to the whole run, a grace period apart */
  stop: () => Promise<void>;
  /** SIGKILL to whatever of the run is left */
  killAll: () => void;
};

/** Ansible inside a bubblewrap sandbox: what it sees, who it runs as, its secret files. */
export type SandboxedRun = {
  bwrap: string;
  mounts: SandboxMount[];
  /** the job user's home (passwd), shown as a link to the job's directory */
  home: string;
  user?: SandboxUser;
  /** made on a tmpfs at `secretDir` inside: never on the disk */
  secrets: { name: string; content: string }[];
  secretDir: string;
};

/**
 * Starts Ansible in a process group of its own, stdout and stderr merged into one
 * ordered stream (a fixed `sh -c 'exec "$@" 2>&1'`; the arguments stay an argv array),
 * events on fd 3 — inside a bubblewrap sandbox unless it is off. Lines and events go to
 * the writer; when it falls behind, stdout is paused until it catches up.
 */
export function spawnAnsible(opts: {
  program: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  writer: OutputWriter;
  sandbox?: SandboxedRun;
  /** without a sandbox: run as this OS user (ANSIBLE_RUN_AS) */
  user?: { uid: number; gid: number };
}): RunningAnsible {
  const sandbox = opts.sandbox;
  const secretFds = sandbox?.secrets.map((s, i) => ({ fd: FIRST_SECRET_FD + i, name: s.name })) ?? [];
  const argv = sandbox
    ? [
        sandbox.bwrap,
        ...bwrapArgs({
          mounts: sandbox.mounts,
          home: [sandbox.home, SANDBOX_JOB_DIR],
          cwd: opts.cwd,
          user: sandbox.user,
          infoFd: INFO_FD,
          secrets: secretFds.length ? { dir: sandbox.secretDir, files: secretFds } : undefined,
          command: [opts.program, ...opts.args],
        }),
      ]
    : [opts.program, ...opts.args];
  const stdio: StdioOptions = ["ignore", "pipe", "ignore", "pipe", ...(sandbox ? ["pipe", ...secretFds.map(() => "pipe")] : [])] as StdioOptions;
  const child: ChildProcess = spawn("/bin/sh", ["-c", 'exec "$@" 2>&1', "ansible-run", ...argv], {
    cwd: sandbox ? "/" : opts.cwd,
    env: opts.env as NodeJS.ProcessEnv,
    detached: true,
    ...(opts.user && !sandbox ? { uid: opts.user.uid, gid: opts.user.gid } : {}),
    stdio,
  });
  const stdout = child.stdout!;
  const events = child.stdio[EVENTS_FD] as Readable;
  const lines = new LineSplitter();
  const eventLines = new LineSplitter();

  let initPid: number | undefined;
  if (sandbox) {
    const info = child.stdio[INFO_FD] as Readable;
    let text = "";
    info.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
      const m = /"child-pid"\s*:\s*(\d+)/.exec(text);
      if (m) initPid ??= Number(m[1]);
    });
    info.on("error", () => {});
    sandbox.secrets.forEach((s, i) => {
      const pipe = child.stdio[FIRST_SECRET_FD + i] as Writable;
      pipe.on("error", () => {});
      pipe.end(s.content);
    });
  }

  stdout.on("data", (chunk: Buffer) => {
    opts.writer.writeLines(lines.push(chunk));
    if (opts.writer.pending > HIGH_WATER_LINES) {
      stdout.pause();
      void opts.writer
        .flush()
        .catch(() => {})
        .finally(() => stdout.resume());
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
  const streamsDone = Promise.all(
    [stdout, events].map(
      (s) =>
        new Promise<void>((resolve) => {
          s.on("error", () => resolve());
          s.on("close", () => resolve());
        }),
    ),
  );
  const exited = new Promise<Exit>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code: number | null, signal: NodeJS.Signals | null) => resolve({ code, signal }));
  }).then(async (exit) => {
    await streamsDone;
    opts.writer.writeLines(lines.end());
    return exit;
  });
  const tree: ProcessTree = sandbox ? sandboxTree(child.pid!, () => initPid) : groupTree(child.pid!);
  return { exited, stop: () => stopTree(tree, exited), killAll: () => tree.killAll() };
}
