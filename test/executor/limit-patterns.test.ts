import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobs } from "@/db/schema";
import { buildCommand, jobFiles, type RunSpec } from "@/executor/build-command";
import { startExecutor, type Executor } from "@/executor/start-executor";
import { nowSeconds } from "@/lib/time";
import { ctx } from "../api";
import { makeCredential, makeLocalInventory, makeProject, outputOf, waitForState } from "./helpers";

let executor: Executor;
let refs: { projectId: number; inventoryId: number; credentialId: number };
let secretFile: string;
const SECRET = "top-secret-line-7f3a";

beforeAll(async () => {
  const c = await ctx();
  const project = await makeProject("limits", { "hello.yml": "- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.debug: { msg: hi }\n" });
  refs = { projectId: project.id, inventoryId: (await makeLocalInventory()).id, credentialId: (await makeCredential()).id };
  secretFile = path.join(c.config.dataDir, "limit-secret.txt");
  fs.writeFileSync(secretFile, `${SECRET}\n`);
  executor = await startExecutor(c.database, { ...c.config, workerCapacity: 1, workerId: "limit-worker" });
}, 60_000);

afterAll(async () => {
  await executor?.stop();
});

/** A launched job written straight to the table, as a row stored before the API checked limits would be. */
async function forcedJob(values: Partial<typeof jobs.$inferInsert>) {
  const { db, adminUserId } = await ctx();
  const [row] = await db
    .insert(jobs)
    .values({ ...refs, cuserId: adminUserId, ctime: nowSeconds(), state: "new", ...values })
    .returning();
  return row!.id;
}

describe("a stored bad limit never reaches Ansible", () => {
  it("ends a playbook job whose limit names a file `error`, without the file in its output", async () => {
    for (const limit of [`localhost,@${secretFile}`, `localhost:@${secretFile}`, `@${secretFile}`]) {
      const id = await forcedJob({ playbook: "hello.yml", limit });
      const job = await waitForState(id);
      const out = (await outputOf(id)).join("\n");
      expect(job.state, out).toBe("error");
      expect(job.explanation).toContain("limit 不能包含 @");
      expect(out).not.toContain(SECRET);
    }
  }, 60_000);

  it("ends an ad-hoc job whose host pattern is option-shaped `error`", async () => {
    const id = await forcedJob({ kind: "adhoc", module: "ping", playbook: "", limit: "--version" });
    const job = await waitForState(id);
    expect(job.state).toBe("error");
    expect(job.explanation).toContain("limit 不能以 - 开头");
    expect((await outputOf(id)).join("\n")).not.toMatch(/ansible \[core/);
  });

  it("passes the ad-hoc pattern after `--`, so even `--version` is a pattern to Ansible", () => {
    const spec: RunSpec = {
      kind: "adhoc",
      projectDir: "/",
      playbook: "",
      module: "ping",
      arguments: "",
      jobType: "run",
      forks: 0,
      limit: "--version",
      tags: "",
      skipTags: "",
      verbosity: 0,
      variables: "",
      becomeEnabled: false,
      diffMode: false,
      forceHandlers: false,
      startAtTask: "",
      timeout: 0,
      inventorySource: "localhost,",
      credential: { username: "", hasPassword: false, hasSshKey: false, becomeMethod: "", becomeUser: "", hasBecomePassword: false },
    };
    const { program, args } = buildCommand(spec, jobFiles("/nonexistent"));
    const env = { PATH: "/usr/bin:/bin", LC_ALL: "C.UTF-8", HOME: "/tmp" } as unknown as NodeJS.ProcessEnv;
    const run = spawnSync(program, args, { encoding: "utf8", env });
    const out = run.stdout + run.stderr;
    expect(out).not.toMatch(/ansible \[core/);
    expect(out).toContain("Could not match supplied host pattern, ignoring: --version");

    // a pattern still selects hosts as before (here Ansible's implicit, local `localhost`)
    const local = spawnSync(program, buildCommand({ ...spec, limit: "localhost", inventorySource: "elsewhere," }, jobFiles("/nonexistent")).args, {
      encoding: "utf8",
      env,
    });
    expect(local.status, local.stdout + local.stderr).toBe(0);
    expect(local.stdout).toContain("localhost | SUCCESS");
  }, 60_000);
});
