import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext } from "@playwright/test";
import type { Job, Named } from "./helpers";

// Jobs of these projects really run Ansible on this machine. The test writes the project's
// folder under the server's projects root: the server runs here too (see e2e/serve.sh).
const PORT = Number(process.env.E2E_PORT ?? 3210);
export const PROJECTS_ROOT =
  process.env.PROJECTS_ROOT ??
  (process.env.E2E_DATABASE_URL
    ? path.resolve(process.env.DATA_DIR ?? "data", "projects")
    : path.join(process.env.TMPDIR ?? "/tmp", `zuoye-e2e-${PORT}`, "projects"));

/** This machine as an inventory line. */
export const LOCAL_HOST = "localhost ansible_connection=local ansible_python_interpreter=/usr/bin/python3";
/** A host nothing listens for: Ansible reports it unreachable at once. */
export const UNREACHABLE_HOST = "bad ansible_host=127.0.0.1 ansible_port=1";

export async function post<T>(request: APIRequestContext, url: string, data: Record<string, unknown>, status = 201): Promise<T> {
  const res = await request.post(url, { data });
  expect(res.status(), `${url} → ${await res.text()}`).toBe(status);
  return (await res.json()) as T;
}

/** A manual project whose folder holds these playbooks (name → text). */
export function createProject(request: APIRequestContext, name: string, folder: string, playbooks: Record<string, string>) {
  const dir = path.join(PROJECTS_ROOT, folder);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(playbooks)) writeFileSync(path.join(dir, file), text);
  return post<Named>(request, "/api/job/project/", { name, scm_type: "manual", local_path: folder });
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=e2e", "-c", "user.email=e2e@example.com", "-c", "init.defaultBranch=main", ...args], { cwd, stdio: "pipe" })
    .toString()
    .trim();

/**
 * A git project on a `file://` remote of this machine (serve.sh allows `file`), and a way to
 * commit to it; beside the projects root, so a new server's start clears it. The server's
 * git runs as `nobody` in its sandbox: the remote is world-readable.
 */
export async function createGitProject(request: APIRequestContext, name: string, playbooks: Record<string, string>) {
  const parent = path.join(path.dirname(PROJECTS_ROOT), "e2e-git");
  mkdirSync(parent, { recursive: true, mode: 0o755 });
  const base = mkdtempSync(path.join(parent, "remote-"));
  chmodSync(base, 0o755);
  const repo = path.join(base, "repo.git");
  const work = path.join(base, "work");
  mkdirSync(work);
  git(base, "init", "-q", "--bare", "--shared=world", repo);
  chmodSync(repo, 0o755);
  git(work, "init", "-q");
  git(work, "remote", "add", "origin", repo);
  /** Commits the files and pushes them; the new commit's id. */
  const commit = (files: Record<string, string>) => {
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(work, file), text);
    git(work, "add", "-A");
    git(work, "commit", "-q", "-m", "change");
    git(work, "push", "-q", "origin", "main");
    return git(work, "rev-parse", "HEAD");
  };
  const revision = commit(playbooks);
  const project = await post<Named>(request, "/api/job/project/", { name, scm_type: "git", scm_url: `file://${repo}`, scm_branch: "main" });
  return { project, revision, commit };
}

export const launchTemplate = (request: APIRequestContext, template: Named) => post<Job>(request, `/api/job/template/${template.id}/launch/`, {});

/** Polls the API until the job is in one of these states; returns it. */
export async function waitForState(request: APIRequestContext, id: number, states: string[], timeout = 60_000): Promise<string> {
  let state = "";
  await expect
    .poll(async () => (state = ((await (await request.get(`/api/job/job/${id}/`)).json()) as Job).state), { timeout, intervals: [250, 500, 1000] })
    .toMatch(new RegExp(`^(${states.join("|")})$`));
  return state;
}
