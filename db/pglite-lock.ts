import fs from "node:fs";

/**
 * PGlite is one process's database: a second process opening the same directory would
 * corrupt it. The opener writes its pid next to the directory; another live pid there
 * means "in use" (a stale file from a crashed process is taken over).
 */
export function lockPgliteDir(dir: string): () => void {
  const file = `${dir}.pid`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, identity(process.pid), { flag: "wx" });
      return () => {
        try {
          if (fs.readFileSync(file, "utf8").trim() === identity(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const held = fs.readFileSync(file, "utf8").trim();
      const pid = Number(held.split(":")[0]);
      if (held === identity(process.pid)) return () => {};
      if (pid > 0 && alive(pid) && identity(pid) === held) {
        throw new Error(`the embedded database ${dir} is in use by process ${pid} (the running server?): stop it first, or use DATABASE_URL`);
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock ${dir}`);
}

/** pid plus the process's start time (Linux), so a recycled pid is not mistaken for the holder */
function identity(pid: number): string {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return `${pid}:${stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]}`;
  } catch {
    return String(pid);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
