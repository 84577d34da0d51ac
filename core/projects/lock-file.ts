import fs from "node:fs";
import { isHolderAlive, processIdentity } from "@/lib/process/pid-holder";

const POLL_MS = 100;
/** an empty lock file this old belongs to a process that died between creating and writing it */
const EMPTY_STALE_MS = 10_000;

/**
 * Runs `fn` while this process holds `file`, a lock shared with the machine's other
 * processes (the launcher's web processes, a worker beside them): created exclusively and
 * holding the holder's pid and start time. A file whose process is gone is taken over.
 */
export async function withLockFile<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const me = processIdentity(process.pid);
  for (;;) {
    try {
      fs.writeFileSync(file, me, { flag: "wx", mode: 0o600 });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    if (!isHeld(file)) {
      fs.rmSync(file, { force: true });
      continue;
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** Whether the process the lock file names still runs (a recycled pid has another start time). */
function isHeld(file: string): boolean {
  let held: string;
  let age: number;
  try {
    held = fs.readFileSync(file, "utf8").trim();
    age = Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return false;
  }
  // a holder between creating the file and writing its name
  if (held === "") return age < EMPTY_STALE_MS;
  return isHolderAlive(held);
}
