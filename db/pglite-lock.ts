import fs from "node:fs";
import { isHolderAlive, processIdentity } from "../lib/process/pid-holder";

/**
 * PGlite is one process's database: a second process opening the same directory would
 * corrupt it. The opener writes its pid next to the directory; another live pid there
 * means "in use" (a stale file from a crashed process is taken over).
 */
export function lockPgliteDir(dir: string): () => void {
  const file = `${dir}.pid`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, processIdentity(process.pid), { flag: "wx" });
      return () => {
        try {
          if (fs.readFileSync(file, "utf8").trim() === processIdentity(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const held = fs.readFileSync(file, "utf8").trim();
      const pid = Number(held.split(":")[0]);
      if (held === processIdentity(process.pid)) return () => {};
      if (isHolderAlive(held)) {
        throw new Error(`the embedded database ${dir} is in use by process ${pid} (the running server?): stop it first, or use DATABASE_URL`);
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock ${dir}`);
}
