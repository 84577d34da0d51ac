import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { workers } from "@/db/schema";
import { startExecutor, type Executor } from "@/executor/start-executor";
import { syncGitCheckout } from "@/core/projects/git-checkout";
import { readSandboxWarning } from "@/core/sandbox/sandbox-warning";
import { api, ctx } from "../api";
import { makeCredential, makeLocalInventory, makeProject, outputOf, waitForState } from "./helpers";

/**
 * Where bubblewrap cannot start, nothing runs unsandboxed by accident: jobs end `error`
 * saying how to fix it, git syncs are refused, and the UI is told (the worker's row).
 */
const UNAVAILABLE = { mode: "unavailable", reason: "找不到 bwrap（测试）" } as const;

let executor: Executor;
let refs: Record<string, number>;

beforeAll(async () => {
  const c = await ctx();
  const project = await makeProject("unavailable", {
    "hello.yml": "- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.debug: { msg: ran-anyway }\n",
  });
  refs = { project: project.id, inventory: (await makeLocalInventory()).id, credential: (await makeCredential()).id };
  executor = await startExecutor(c.database, { ...c.config, workerCapacity: 1, workerId: "no-sandbox-worker" }, { isolation: UNAVAILABLE });
}, 60_000);

afterAll(async () => {
  await executor?.stop();
});

describe("a sandbox that cannot start", () => {
  it("ends every job error with the reason and the way out, running nothing", async () => {
    const r = await api("POST", "/api/job/job/", { json: { ...refs, playbook: "hello.yml" } });
    expect(r.status).toBe(201);
    const job = await waitForState(r.body.id);
    const out = (await outputOf(job.id)).join("\n");
    expect(job.state).toBe("error");
    expect(out).toContain("找不到 bwrap（测试）");
    expect(out).toContain("SANDBOX=off");
    expect(out).not.toContain("ran-anyway");
    const { runDir } = (await ctx()).config;
    expect(fs.existsSync(runDir) ? fs.readdirSync(runDir) : []).toEqual([]); // no job directory was made
  });

  it("refuses a git sync, running no git", async () => {
    const { config } = await ctx();
    const src = path.join(config.dataDir, "unavailable-src");
    execFileSync("git", ["init", "-q", src]);
    const dir = path.join(config.dataDir, "scm", "unavailable");
    await expect(syncGitCheckout(dir, `file://${src}`, "", { allowProtocol: "file", isolation: UNAVAILABLE })).rejects.toThrow(/SANDBOX=off/);
    expect(fs.existsSync(path.join(dir, ".git"))).toBe(false);
  });

  it("is what the worker's row says, and what the pages warn about", async () => {
    const { db, config } = await ctx();
    const [row] = await db.select().from(workers).where(eq(workers.id, "no-sandbox-worker"));
    expect(row!.sandbox).toBe("unavailable");
    expect(await readSandboxWarning(db, config)).toEqual({ off: false, unavailable: ["no-sandbox-worker"], unsandboxed: [] });
    expect(await readSandboxWarning(db, { ...config, sandbox: "off" })).toEqual({ off: true, unavailable: ["no-sandbox-worker"], unsandboxed: [] });
    await db.update(workers).set({ sandbox: "off" }).where(eq(workers.id, "no-sandbox-worker"));
    expect(await readSandboxWarning(db, config)).toEqual({ off: false, unavailable: [], unsandboxed: ["no-sandbox-worker"] });
    await db.update(workers).set({ sandbox: "sandbox" }).where(eq(workers.id, "no-sandbox-worker"));
    expect(await readSandboxWarning(db, config)).toBeNull();
  });
});
