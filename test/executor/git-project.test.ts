import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExecutor, type Executor } from "@/executor/start-executor";
import { api, ctx } from "../api";
import { makeGitRemote } from "../git-fixture";
import { makeCredential, makeLocalInventory, outputOf, waitForState } from "./helpers";

let executor: Executor;
let repo: string;
let commit: (file: string, text: string) => void;

const play = (msg: string) => `- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.debug: { msg: "${msg}" }\n`;

beforeAll(async () => {
  const { config, database } = await ctx();
  ({ repo, commit } = makeGitRemote(path.join(config.dataDir, "git-fixture")));
  commit("site.yml", play("from git v1"));
  executor = await startExecutor(database, { ...config, workerCapacity: 1, workerId: "git-worker" });
}, 60_000);

afterAll(async () => {
  await executor?.stop();
});

describe("git projects", () => {
  it("clones on create, lists playbooks, runs from a fresh checkout, and follows the branch on update", async () => {
    const created = await api("POST", "/api/job/project/", { json: { name: "仓库项目", scm_type: "git", scm_url: `file://${repo}`, scm_branch: "main" } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ playbooks: ["site.yml"], sync_error: "" });
    expect(created.body.scm_revision).toMatch(/^[0-9a-f]{40}$/);
    const refs = { project: created.body.id, inventory: (await makeLocalInventory()).id, credential: (await makeCredential()).id };

    const first = await api("POST", "/api/job/job/", { json: { ...refs, playbook: "site.yml" } });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect((await waitForState(first.body.id)).state).toBe("successful");
    expect((await outputOf(first.body.id)).join("\n")).toContain("from git v1");

    commit("second.yml", play("from git v2"));
    const notYet = await api("POST", "/api/job/job/", { json: { ...refs, playbook: "second.yml" } });
    expect(notYet.status).toBe(400);
    const updated = await api("POST", `/api/job/project/${created.body.id}/update/`);
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body.playbooks).toEqual(["second.yml", "site.yml"]);
    expect(updated.body.scm_revision).not.toBe(created.body.scm_revision);

    const second = await api("POST", "/api/job/job/", { json: { ...refs, playbook: "second.yml" } });
    expect((await waitForState(second.body.id)).state).toBe("successful");
    expect((await outputOf(second.body.id)).join("\n")).toContain("from git v2");
    const { config } = await ctx();
    expect(fs.readdirSync(config.runDir)).toEqual([]);
  }, 120_000);

  it("keeps a failed sync on the project and answers 400 to an update", async () => {
    const created = await api("POST", "/api/job/project/", { json: { name: "坏仓库", scm_type: "git", scm_url: "file:///nonexistent/repo.git" } });
    expect(created.status).toBe(201);
    expect(created.body.playbooks).toEqual([]);
    expect(created.body.sync_error).toContain("git clone");
    const r = await api("POST", `/api/job/project/${created.body.id}/update/`);
    expect(r.status).toBe(400);
    expect(r.body.non_field_errors[0]).toContain("git clone");
    expect((await api("GET", "/api/job/project/999999/update/")).status).toBe(405);
    expect((await api("POST", "/api/job/project/999999/update/")).status).toBe(404);
  });
});
