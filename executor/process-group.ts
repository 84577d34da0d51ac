import fs from "node:fs";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops a run as ansible.md measured: SIGINT to the whole group (Ansible exits 99 in
 * ~0.2 s), then SIGTERM, then SIGKILL; once the leader is gone, SIGKILL what is left of
 * the group. SIGINT to the leader alone would leave its forks behind.
 */
export async function stopProcessGroup(pgid: number, exited: Promise<unknown>, graceMs = 3000): Promise<void> {
  let done = false;
  void exited.then(() => (done = true));
  for (const sig of ["SIGINT", "SIGTERM", "SIGKILL"] as const) {
    if (done || !signalGroup(pgid, sig)) break;
    const deadline = Date.now() + graceMs;
    while (!done && Date.now() < deadline) await sleep(50);
  }
  await exited;
  killGroup(pgid);
}

/** SIGKILL to whatever is left in a group whose leader has exited. */
export function killGroup(pgid: number): void {
  signalGroup(pgid, "SIGKILL");
}

/**
 * Kills every process whose command line mentions the job's private directory: ssh
 * connection masters (ControlPersist) leave the job's process group and would otherwise
 * live on — and keep an authenticated connection open for a later job.
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
    try {
      process.kill(Number(entry), "SIGKILL");
      killed++;
    } catch {
      /* already gone */
    }
  }
  return killed;
}
