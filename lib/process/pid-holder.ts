import fs from "node:fs";

/**
 * A process as a lock file names it: its pid plus its start time (Linux /proc), so a
 * recycled pid is not mistaken for the holder. Used by the embedded database's directory
 * lock (db/pglite-lock.ts) and the git syncs' lock (core/projects/lock-file.ts).
 */
export function processIdentity(pid: number): string {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return `${pid}:${stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]}`;
  } catch {
    return String(pid);
  }
}

/** Whether the process a lock file names (`processIdentity`'s text) still runs. */
export function isHolderAlive(held: string): boolean {
  const pid = Number(held.split(":")[0]);
  if (!(pid > 0)) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  return processIdentity(pid) === held;
}
