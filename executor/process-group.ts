import fs from "node:fs";
import { sandboxProcesses } from "@/core/sandbox/bwrap";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The processes of one run, to signal all at once. */
export type ProcessTree = {
  /** sends `signal` to every process of the run; false when none was left */
  signal(signal: NodeJS.Signals): boolean;
  /** SIGKILL to everything of the run that is left */
  killAll(): void;
};

function signalPid(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** A run in a process group of its own (no sandbox): the group is the run. */
export function groupTree(pgid: number): ProcessTree {
  return {
    signal: (signal) => signalPid(-pgid, signal),
    killAll: () => void signalPid(-pgid, "SIGKILL"),
  };
}

/**
 * A run in a bubblewrap sandbox: signals go to every process in its PID namespace but
 * its init (bwrap itself would die of a SIGINT before Ansible could end cleanly);
 * killing the init ends the namespace, so nothing is left, `setsid` children included.
 */
export function sandboxTree(outerPid: number, initPid: () => number | undefined): ProcessTree {
  return {
    signal(signal) {
      const init = initPid();
      if (init === undefined) return signalPid(-outerPid, signal);
      let any = false;
      for (const pid of sandboxProcesses(init)) any = signalPid(pid, signal) || any;
      return any;
    },
    killAll() {
      const init = initPid();
      if (init !== undefined) signalPid(init, "SIGKILL");
      signalPid(-outerPid, "SIGKILL");
    },
  };
}

/**
 * Stops a run as ansible.md measured: SIGINT to all of it (Ansible exits 99 in ~0.2 s),
 * then SIGTERM, then SIGKILL; once Ansible is gone, SIGKILL what is left. SIGINT to the
 * leader alone would leave its forks behind.
 */
export async function stopTree(tree: ProcessTree, exited: Promise<unknown>, graceMs = 3000): Promise<void> {
  let done = false;
  void exited.then(
    () => (done = true),
    () => (done = true),
  );
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    if (done || !tree.signal(sig)) break;
    const deadline = Date.now() + graceMs;
    while (!done && Date.now() < deadline) await sleep(50);
  }
  if (!done) tree.killAll();
  await exited.catch(() => {});
  tree.killAll();
}

/**
 * Kills every process whose command line mentions the job's private directory: without
 * a sandbox, ssh connection masters (ControlPersist) leave the job's process group and
 * would otherwise live on — and keep an authenticated connection open for a later job.
 */
export function killProcessesUsing(dir: string): number {
  let killed = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let cmdline: string;
    try {
      cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8");
    } catch {
      continue;
    }
    if (!cmdline.includes(dir)) continue;
    if (signalPid(Number(entry), "SIGKILL")) killed++;
  }
  return killed;
}
