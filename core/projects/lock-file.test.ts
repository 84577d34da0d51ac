import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { withLockFile } from "./lock-file";

/** The clone lock of git syncs (core/projects/git-checkout.ts) across the machine's processes. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zuoye-lock-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const lock = path.join(dir, "project-1.lock");
const trail = path.join(dir, "trail");
const script = path.join(dir, "hold.mts");
fs.writeFileSync(
  script,
  `import fs from "node:fs";
import { withLockFile } from ${JSON.stringify(path.resolve("core/projects/lock-file.ts"))};
for (let i = 0; i < 5; i++) {
  await withLockFile(${JSON.stringify(lock)}, async () => {
    fs.appendFileSync(${JSON.stringify(trail)}, "in " + process.pid + "\\n");
    await new Promise((r) => setTimeout(r, 30));
    fs.appendFileSync(${JSON.stringify(trail)}, "out " + process.pid + "\\n");
  });
}
`,
);

function hold(): Promise<number | null> {
  const child = spawn(process.execPath, ["--import", "tsx", script], { stdio: "inherit" });
  return new Promise((resolve) => child.once("exit", (c) => resolve(c)));
}

describe("withLockFile", () => {
  it("lets one process at a time in", async () => {
    expect(await Promise.all([hold(), hold(), hold()])).toEqual([0, 0, 0]);
    const lines = fs.readFileSync(trail, "utf8").trim().split("\n");
    expect(lines).toHaveLength(30);
    for (let i = 0; i < lines.length; i += 2) {
      const [what, pid] = lines[i]!.split(" ");
      expect(what, lines.join("\n")).toBe("in");
      expect(lines[i + 1], lines.join("\n")).toBe(`out ${pid}`);
    }
    expect(fs.existsSync(lock)).toBe(false);
  }, 60_000);

  it("takes over the lock of a process that is gone", async () => {
    const gone = spawn(process.execPath, ["-e", ""]);
    await new Promise((r) => gone.once("exit", r));
    fs.writeFileSync(lock, `${gone.pid}:1`);
    expect(await withLockFile(lock, async () => fs.readFileSync(lock, "utf8"))).toMatch(new RegExp(`^${process.pid}:`));
    expect(fs.existsSync(lock)).toBe(false);
  });
});
