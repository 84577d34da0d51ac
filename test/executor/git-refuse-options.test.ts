import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projects } from "@/db/schema";
import { startExecutor, type Executor } from "@/executor/start-executor";
import { readConfig } from "@/core/config";
import { api, ctx } from "../api";
import { git, makeGitRemote } from "../git-fixture";
import { makeCredential, makeLocalInventory, outputOf, waitForState } from "./helpers";

let executor: Executor;
let repo: string;
let marker: string;

/** A branch that git would read as an option running `touch <marker>` in the server's process. */
const evilBranch = () => `--upload-pack=touch ${marker}; echo`;

beforeAll(async () => {
  const { config, database } = await ctx();
  const base = path.join(config.dataDir, "git-options");
  marker = path.join(base, "pwned");
  const remote = makeGitRemote(base);
  repo = remote.repo;
  remote.commit("site.yml", "- hosts: all\n  gather_facts: false\n  tasks: []\n");
  git(remote.work, "tag", "v1");
  git(remote.work, "push", "-q", "origin", "v1");
  executor = await startExecutor(database, { ...config, workerCapacity: 1, workerId: "git-options-worker" });
}, 60_000);

afterAll(async () => {
  await executor?.stop();
});

async function gitProject(name: string, branch = "main") {
  const r = await api("POST", "/api/job/project/", { json: { name, scm_type: "git", scm_url: `file://${repo}`, scm_branch: branch } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  expect(r.body.sync_error).toBe("");
  return r.body as { id: number };
}

describe("a project's branch and address never reach git as options", () => {
  it("answers 400 to an option-shaped or malformed branch, on create and on PATCH", async () => {
    const project = await gitProject("分支检查");
    for (const branch of [evilBranch(), "-b", "a..b", "a b", "feature/", "x.lock", "HEAD", "a~1", "@{-1}"]) {
      const patch = await api("PATCH", `/api/job/project/${project.id}/`, { json: { scm_branch: branch } });
      expect(patch.status, branch).toBe(400);
      expect(patch.body.scm_branch[0], branch).toMatch(/^不是合法的分支或标签名：/);
      const create = await api("POST", "/api/job/project/", { json: { name: "x", scm_type: "git", scm_url: `file://${repo}`, scm_branch: branch } });
      expect(create.status, branch).toBe(400);
    }
    expect(fs.existsSync(marker)).toBe(false);
    const { db } = await ctx();
    const [row] = await db.select().from(projects).where(eq(projects.id, project.id));
    expect(row!.scmBranch).toBe("main");
  });

  it("accepts branch names with slashes, a tag, and an empty branch (the remote's default)", async () => {
    const project = await gitProject("标签项目", "v1");
    const r = await api("POST", `/api/job/project/${project.id}/update/`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.playbooks).toEqual(["site.yml"]);
    for (const branch of ["release/1.x", "feature/a-b_c", ""]) {
      const patch = await api("PATCH", `/api/job/project/${project.id}/`, { json: { scm_branch: branch } });
      expect(patch.status, `${branch}: ${JSON.stringify(patch.body)}`).toBe(200);
    }
  });

  it("answers 400 to an option-shaped address or a transport GIT_ALLOW_PROTOCOL does not allow", async () => {
    const cases: [string, string][] = [
      [`-u${repo}`, "请输入合法的仓库地址：http(s)://、ssh://、git://、git@主机:路径 或 file://。"],
      ["--upload-pack=touch@x:y", "请输入合法的仓库地址：http(s)://、ssh://、git://、git@主机:路径 或 file://。"],
      ["ssh://-oProxyCommand=touch/x", "请输入合法的仓库地址：http(s)://、ssh://、git://、git@主机:路径 或 file://。"],
      ["ext::sh -c touch% /tmp/x", "请输入合法的仓库地址：http(s)://、ssh://、git://、git@主机:路径 或 file://。"],
      // the tests allow only file: (test/setup.ts)
      ["https://git.example.com/ops/p.git", "仓库地址的协议 https 不在 GIT_ALLOW_PROTOCOL（file）允许的范围内。"],
      ["git@git.example.com:ops/p.git", "仓库地址的协议 ssh 不在 GIT_ALLOW_PROTOCOL（file）允许的范围内。"],
    ];
    for (const [url, message] of cases) {
      const r = await api("POST", "/api/job/project/", { json: { name: "u", scm_type: "git", scm_url: url } });
      expect(r.status, url).toBe(400);
      expect(r.body, url).toEqual({ scm_url: [message] });
    }
  });

  it("refuses a branch stored before the check at sync and at launch, without running git", async () => {
    const project = await gitProject("旧数据");
    const { db } = await ctx();
    // the clone exists now, so a sync would take the `git fetch … origin <branch>` path
    await db.update(projects).set({ scmBranch: evilBranch() }).where(eq(projects.id, project.id));

    const sync = await api("POST", `/api/job/project/${project.id}/update/`);
    expect(sync.status).toBe(400);
    expect(sync.body.non_field_errors[0]).toContain("不是合法的分支或标签名");
    expect(fs.existsSync(marker)).toBe(false);

    const refs = { project: project.id, inventory: (await makeLocalInventory()).id, credential: (await makeCredential()).id };
    const job = await api("POST", "/api/job/job/", { json: { ...refs, playbook: "site.yml" } });
    expect(job.status, JSON.stringify(job.body)).toBe(201);
    const done = await waitForState(job.body.id);
    expect(done.state).toBe("error");
    expect((await outputOf(job.body.id)).join("\n")).toContain("不是合法的分支或标签名");
    expect(fs.existsSync(marker)).toBe(false);
  }, 60_000);

  it("refuses an option-shaped address stored before the check", async () => {
    const project = await gitProject("旧地址");
    const { db } = await ctx();
    await db
      .update(projects)
      .set({ scmUrl: `--upload-pack=touch ${marker}; echo` })
      .where(eq(projects.id, project.id));
    const sync = await api("POST", `/api/job/project/${project.id}/update/`);
    expect(sync.status).toBe(400);
    expect(sync.body.non_field_errors[0]).toContain("仓库地址无效");
    expect(fs.existsSync(marker)).toBe(false);
  });

  it("defaults GIT_ALLOW_PROTOCOL to https:ssh:git", () => {
    const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;
    expect(readConfig(env({})).gitAllowProtocol).toBe("https:ssh:git");
    expect(readConfig(env({ GIT_ALLOW_PROTOCOL: "file:https" })).gitAllowProtocol).toBe("file:https");
  });
});
