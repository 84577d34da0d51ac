import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { bwrapArgs, type SandboxMount } from "../sandbox/bwrap";
import { sandboxUnavailableMessage, type Isolation } from "../sandbox/isolation";
import { checkoutRefusal } from "@/lib/git/checkout-refusal";
import { withLockFile } from "./lock-file";

const run = promisify(execFile);

/** A git sync that failed; the message is git's own last lines. */
export class SyncError extends Error {}

/** Where this process keeps the clone of a git project (under DATA_DIR, per machine). */
export function gitCheckoutDir(dataDir: string, projectId: number): string {
  return path.join(dataDir, "scm", `project-${projectId}`);
}

/** Where the clone, and a `file://` remote, appear inside the sandbox. */
const SANDBOX_REPO = "/repo";
const SANDBOX_SOURCE = "/source";
const SANDBOX_GITCONFIG = "/tmp/gitconfig";

const locks = new Map<string, Promise<unknown>>();

/**
 * Runs `fn` after every earlier call for the same clone, in this process and in the
 * machine's others sharing DATA_DIR (the launcher's web processes, a worker): one git
 * operation per clone at a time.
 */
function serialized<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const prev = locks.get(dir) ?? Promise.resolve();
  const next = prev
    .catch(() => {})
    .then(() => {
      fs.mkdirSync(path.dirname(dir), { recursive: true, mode: 0o700 });
      return withLockFile(`${dir}.lock`, fn);
    });
  locks.set(dir, next);
  const release = () => {
    if (locks.get(dir) === next) locks.delete(dir);
  };
  next.then(release, release);
  return next;
}

type GitOptions = { allowProtocol?: string; isolation: Isolation };

/** A `file://` remote is a folder of this machine: the sandbox shows it, read-only. */
function localSource(url: string): string | undefined {
  if (!/^file:\/\//i.test(url)) return undefined;
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return undefined;
  }
}

/**
 * git refuses a repository another user owns ("dubious ownership"), and only a global
 * config may say otherwise: the sandbox gets one that trusts its read-only source.
 */
function sandboxGitconfig(dir: string): string {
  const file = path.join(path.dirname(dir), "sandbox.gitconfig");
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, `[safe]\n\tdirectory = ${SANDBOX_SOURCE}\n\tdirectory = ${SANDBOX_SOURCE}/.git\n`);
    fs.chmodSync(file, 0o644);
  }
  return file;
}

/** The remote as git sees it: a `file://` source is shown at /source in the sandbox. */
function remoteUrl(url: string, sandboxed: boolean): string {
  return sandboxed && localSource(url) !== undefined ? `file://${SANDBOX_SOURCE}` : url;
}

/**
 * One git command in a clean environment (no server secrets, never a prompt for
 * credentials) and, unless SANDBOX=off, in a bubblewrap sandbox that sees only the
 * clone (at /repo) and a `file://` source: a hostile remote or option can touch nothing else.
 */
async function git(args: string[], dir: string, url: string, opts: GitOptions): Promise<string> {
  const { isolation } = opts;
  if (isolation.mode === "unavailable") throw new SyncError(sandboxUnavailableMessage(isolation.reason));
  const sandboxed = isolation.mode === "sandbox";
  const env: Record<string, string> = {
    PATH: "/usr/local/bin:/usr/bin:/bin",
    HOME: sandboxed ? "/tmp" : "/nonexistent",
    GIT_TERMINAL_PROMPT: "0",
    GIT_SSH_COMMAND: `ssh -o BatchMode=yes -o StrictHostKeyChecking=accept-new${sandboxed ? " -o UserKnownHostsFile=/tmp/known_hosts" : ""}`,
    LC_ALL: "C.UTF-8",
    ...(opts.allowProtocol ? { GIT_ALLOW_PROTOCOL: opts.allowProtocol } : {}),
  };
  let file = "git";
  let argv = args;
  let cwd: string | undefined = dir;
  if (sandboxed) {
    const mounts: SandboxMount[] = [{ from: dir, to: SANDBOX_REPO, writable: true }];
    const source = localSource(url);
    if (source !== undefined && fs.existsSync(source)) {
      mounts.push({ from: source, to: SANDBOX_SOURCE }, { from: sandboxGitconfig(dir), to: SANDBOX_GITCONFIG });
      env.GIT_CONFIG_GLOBAL = SANDBOX_GITCONFIG;
    }
    file = isolation.bwrap;
    argv = bwrapArgs({ mounts, cwd: SANDBOX_REPO, user: isolation.user, command: ["git", ...args] });
    cwd = undefined;
  }
  try {
    const { stdout } = await run(file, argv, { cwd, timeout: 300_000, maxBuffer: 16 * 1024 * 1024, env: env as unknown as NodeJS.ProcessEnv });
    return stdout.trim();
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    const detail = (err.stderr || err.message).trim().split("\n").slice(-3).join(" ");
    throw new SyncError(`git ${args[0]} 失败：${detail}`);
  }
}

/** The clone's folder exists and belongs to the user git runs as in the sandbox. */
function ownClone(dir: string, isolation: Isolation): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const user = isolation.mode === "sandbox" ? isolation.user : undefined;
  if (!user || fs.statSync(dir).uid === user.uid) return;
  fs.chownSync(dir, user.uid, user.gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    fs.lchownSync(path.join(entry.parentPath, entry.name), user.uid, user.gid);
  }
}

/**
 * Makes `dir` a checkout of `branch` (or the remote's default branch) of `url`: clone
 * when missing, else fetch and reset hard, removing anything else in the folder.
 * Returns the commit checked out. `use` reads the checkout before another sync of this
 * clone may change it, so what it reads is exactly that commit.
 */
export function syncGitCheckout(dir: string, url: string, branch: string, opts: GitOptions, use?: () => void): Promise<string> {
  // rows stored before these checks existed must not reach git either
  const refused = checkoutRefusal(url, branch);
  if (refused) return Promise.reject(new SyncError(refused));
  return serialized(dir, async () => {
    const sandboxed = opts.isolation.mode === "sandbox";
    const here = sandboxed ? SANDBOX_REPO : dir;
    const remote = remoteUrl(url, sandboxed);
    if (!fs.existsSync(path.join(dir, ".git"))) {
      fs.rmSync(dir, { recursive: true, force: true });
      ownClone(dir, opts.isolation);
      await git(["clone", "--quiet", "--depth", "1", ...(branch ? [`--branch=${branch}`] : []), "--", remote, here], dir, url, opts);
    } else {
      ownClone(dir, opts.isolation);
      await git(["remote", "set-url", "--end-of-options", "origin", remote], dir, url, opts);
      await git(["fetch", "--quiet", "--depth", "1", "--end-of-options", "origin", branch || "HEAD"], dir, url, opts);
      // (reset takes no --end-of-options in git 2.39: `--` ends its revisions instead)
      await git(["reset", "--quiet", "--hard", "FETCH_HEAD", "--"], dir, url, opts);
      await git(["clean", "--quiet", "-ffdx"], dir, url, opts);
    }
    const revision = await git(["rev-parse", "HEAD"], dir, url, opts);
    use?.();
    return revision;
  });
}
