import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main", ...args], {
    cwd,
    stdio: "pipe",
  }).toString();

/**
 * A bare repository (`<base>/repo.git`, the project's `file://` remote) and a working
 * copy that pushes to it. The sandbox's git runs as another user (nobody): the remote is
 * shared with everyone (`--shared=world`), so what later pushes add stays readable
 * whatever this process's umask.
 */
export function makeGitRemote(base: string) {
  const repo = path.join(base, "repo.git");
  const work = path.join(base, "work");
  fs.mkdirSync(work, { recursive: true });
  git(base, "init", "-q", "--bare", "--shared=world", repo);
  fs.chmodSync(repo, 0o755);
  git(work, "init", "-q");
  git(work, "remote", "add", "origin", repo);
  /** Commits `file` and pushes it (with `refs`, e.g. a tag). */
  const commit = (file: string, text: string, ...refs: string[]) => {
    fs.writeFileSync(path.join(work, file), text);
    git(work, "add", file);
    git(work, "commit", "-q", "-m", `add ${file}`);
    git(work, "push", "-q", "origin", "main", ...refs);
  };
  return { repo, work, commit };
}
