import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * Signals to a process with the lifecycle installed, as a terminal's Ctrl-C or systemd's
 * stop deliver them to the launcher and its web processes at once (and the launcher passes
 * its own on): signals within a second are one request; a later one ends the grace period.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zuoye-lifecycle-"));
const script = path.join(dir, "stopping.mts");
fs.writeFileSync(
  script,
  `import { installProcessLifecycle } from ${JSON.stringify(path.resolve("core/process-lifecycle.ts"))};
installProcessLifecycle({
  name: "t",
  graceSeconds: 30,
  stop: async ({ hurry }) => {
    console.log("stopping");
    await new Promise((resolve) => {
      const timer = setTimeout(() => { console.log("grace used"); resolve(undefined); }, 2500);
      hurry.addEventListener("abort", () => { clearTimeout(timer); console.log("hurried"); resolve(undefined); });
    });
  },
});
console.log("ready");
setInterval(() => {}, 1000);
`,
);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(signals: (child: ReturnType<typeof spawn>, log: () => string) => Promise<void>): Promise<{ code: number | null; log: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", script], { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
  while (!log.includes("ready")) {
    if (child.exitCode !== null) throw new Error(log);
    await new Promise((r) => setTimeout(r, 50));
  }
  await signals(child, () => log);
  return { code: await exited, log };
}

describe("stop signals", () => {
  it("count signals that arrive together once: the grace period stays", async () => {
    const { code, log } = await run(async (child) => {
      child.kill("SIGINT");
      child.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 100));
      child.kill("SIGTERM");
    });
    expect(code, log).toBe(0);
    expect(log).toMatch(/grace used/);
    expect(log).not.toMatch(/hurried/);
  }, 20_000);

  it("end the grace period at a second signal a second or more later", async () => {
    const { code, log } = await run(async (child, log) => {
      child.kill("SIGTERM");
      while (!log().includes("stopping")) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 1300));
      child.kill("SIGTERM");
    });
    expect(code, log).toBe(0);
    expect(log).toMatch(/hurried/);
  }, 20_000);
});
