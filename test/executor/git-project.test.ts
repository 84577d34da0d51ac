import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExecutor, type Executor } from "@/executor/start-executor";
import { api, ctx } from "../api";
import { git, makeGitRemote } from "../git-fixture";
import { makeCredential, makeLocalInventory, makeProject, outputOf, waitForState } from "./helpers";

let executor: Executor;
let repo: string;
let work: string;
let commit: (file: string, text: string) => void;

const play = (msg: string) => `- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.debug: { msg: "${msg}" }\n`;

beforeAll(async () => {
  const { config, database } = await ctx();
  ({ repo, work, commit } = makeGitRemote(path.join(config.dataDir, "git-fixture")));
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

  it("records the commit each run checked out; a re-run records its own, folders and ad-hoc none", async () => {
    const project = await api("POST", "/api/job/project/", { json: { name: "版本记录", scm_type: "git", scm_url: `file://${repo}`, scm_branch: "main" } });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    const refs = { project: project.body.id, inventory: (await makeLocalInventory()).id, credential: (await makeCredential()).id };
    const head = () => git(work, "rev-parse", "HEAD").trim();

    commit("site.yml", play("revision one"));
    const one = head();
    const first = await api("POST", "/api/job/job/", { json: { ...refs, playbook: "site.yml" } });
    expect(first.body.scm_revision).toBe("");
    expect((await waitForState(first.body.id)).state).toBe("successful");
    expect((await api("GET", `/api/job/job/${first.body.id}/`)).body.scm_revision).toBe(one);

    // no project update in between: the run's own fetch takes the new commit
    commit("site.yml", play("revision two"));
    const two = head();
    expect(two).not.toBe(one);
    const second = await api("POST", "/api/job/job/", { json: { ...refs, playbook: "site.yml" } });
    expect((await waitForState(second.body.id)).state).toBe("successful");
    expect((await outputOf(second.body.id)).join("\n")).toContain("revision two");
    expect((await api("GET", `/api/job/job/${second.body.id}/`)).body.scm_revision).toBe(two);
    expect((await api("GET", `/api/job/job/${first.body.id}/`)).body.scm_revision).toBe(one);

    const rerun = await api("POST", `/api/job/job/${first.body.id}/relaunch/`, { json: {} });
    expect(rerun.status, JSON.stringify(rerun.body)).toBe(201);
    expect(rerun.body.scm_revision).toBe("");
    expect((await waitForState(rerun.body.id)).state).toBe("successful");
    expect((await api("GET", `/api/job/job/${rerun.body.id}/`)).body.scm_revision).toBe(two);

    const folder = await makeProject("revision-folder", { "site.yml": play("from a folder") });
    const fromFolder = await api("POST", "/api/job/job/", { json: { ...refs, project: folder.id, playbook: "site.yml" } });
    const adhoc = await api("POST", "/api/job/job/", { json: { ...refs, kind: "adhoc", module: "ping", limit: "localhost" } });
    for (const id of [fromFolder.body.id as number, adhoc.body.id as number]) {
      expect((await waitForState(id)).state).toBe("successful");
      expect((await api("GET", `/api/job/job/${id}/`)).body.scm_revision).toBe("");
    }
  }, 180_000);

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
