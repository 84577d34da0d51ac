import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { api, ctx } from "../api";
import { makeProjectDir, PLAYBOOK, projectsRoot } from "../project-folders";

beforeEach(() => {
  fs.rmSync(projectsRoot(), { recursive: true, force: true });
});

describe("GET /api/job/project/folders/", () => {
  it("lists nothing, not an error, while the projects root does not exist", async () => {
    const r = await api("GET", "/api/job/project/folders/");
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ root: (await ctx()).config.projectsRoot, folders: [] });
  });

  it("lists the folders under the root a project may use, sorted, with or without the slash", async () => {
    makeProjectDir("web", { "site.yml": PLAYBOOK });
    makeProjectDir("db", {});
    makeProjectDir("中文项目", { "a/b.yml": PLAYBOOK });
    makeProjectDir(".git", {});
    fs.writeFileSync(path.join(projectsRoot(), "notes.txt"), "x");
    fs.symlinkSync(path.join(projectsRoot(), "web"), path.join(projectsRoot(), "web-link"));
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), "zuoye-outside-"));
    fs.symlinkSync(outside, path.join(projectsRoot(), "escape"));
    fs.symlinkSync(path.join(projectsRoot(), "missing"), path.join(projectsRoot(), "dangling"));

    const r = await api("GET", "/api/job/project/folders/");
    expect(r.status).toBe(200);
    expect(r.body.folders).toEqual(["db", "web", "web-link", "中文项目"]);
    expect((await api("GET", "/api/job/project/folders")).body).toEqual(r.body);
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it("each listed folder is accepted as a project's local_path", async () => {
    makeProjectDir("one", { "main.yml": PLAYBOOK });
    makeProjectDir("two", {});
    for (const folder of (await api("GET", "/api/job/project/folders/")).body.folders) {
      const created = await api("POST", "/api/job/project/", { json: { name: folder, local_path: folder } });
      expect(created.status, folder).toBe(201);
    }
  });

  it("is read-only, and not taken for a project id", async () => {
    const post = await api("POST", "/api/job/project/folders/", { json: {} });
    expect(post.status).toBe(405);
    expect(post.body).toEqual({ detail: "方法 “POST” 不被允许。" });
    expect((await api("DELETE", "/api/job/project/folders/")).status).toBe(405);
  });
});
