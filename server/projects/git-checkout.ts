import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { checkoutRefusal } from "@/lib/git/checkout-refusal";

const run = promisify(execFile);

/** A git sync that failed; the message is git's own last lines. */
export class SyncError extends Error {}

/** Where this process keeps the clone of a git project (under DATA_DIR, per machine). */
export function gitCheckoutDir(dataDir: string, projectId: number): string {
  return path.join(dataDir, "scm", `project-${projectId}`);
}

const locks = new Map<string, Promise<unknown>>();

/** Runs `fn` after every earlier call for the same key (one git operation per clone at a time). */
function serialized<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const prev = locks.get(key) ?? Promise.resolve();
  const next = prev.catch(() => {}).then(fn);
  locks.set(key, next);
  const release = () => {
    if (locks.get(key) === next) locks.delete(key);
  };
  next.then(release, release);
  return next;
}

type GitOptions = { allowProtocol?: string };

async function git(args: string[], cwd: string | undefined, opts: GitOptions): Promise<string> {
  try {
    const { stdout } = await run("git", args, {
      cwd,
      timeout: 300_000,
      maxBuffer: 16 * 1024 * 1024,
      // a clean environment: no server secrets, never a prompt for credentials
      env: {
        PATH: "/usr/local/bin:/usr/bin:/bin",
        HOME: "/nonexistent",
        GIT_TERMINAL_PROMPT: "0",
        GIT_SSH_COMMAND: "ssh -o BatchMode=yes -o StrictHostKeyChecking=accept-new",
        LC_ALL: "C.UTF-8",
        ...(opts.allowProtocol ? { GIT_ALLOW_PROTOCOL: opts.allowProtocol } : {}),
      } as unknown as NodeJS.ProcessEnv,
    });
    return stdout.trim();
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    const detail = (err.stderr || err.message).trim().split("\n").slice(-3).join(" ");
    throw new SyncError(`git ${args[0]} 失败：${detail}`);
  }
}

/**
 * Makes `dir` a checkout of `branch` (or the remote's default branch) of `url`: clone
 * when missing, else fetch and reset hard, removing anything else in the folder.
 * Returns the commit checked out.
 */
export function syncGitCheckout(dir: string, url: string, branch: string, opts: GitOptions = {}): Promise<string> {
  // rows stored before these checks existed must not reach git either
  const refused = checkoutRefusal(url, branch);
  if (refused) return Promise.reject(new SyncError(refused));
  return serialized(dir, async () => {
    if (!fs.existsSync(path.join(dir, ".git"))) {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(path.dirname(dir), { recursive: true });
      await git(["clone", "--quiet", "--depth", "1", ...(branch ? [`--branch=${branch}`] : []), "--", url, dir], undefined, opts);
    } else {
      await git(["remote", "set-url", "--end-of-options", "origin", url], dir, opts);
      await git(["fetch", "--quiet", "--depth", "1", "--end-of-options", "origin", branch || "HEAD"], dir, opts);
      // (reset takes no --end-of-options in git 2.39: `--` ends its revisions instead)
      await git(["reset", "--quiet", "--hard", "FETCH_HEAD", "--"], dir, opts);
      await git(["clean", "--quiet", "-ffdx"], dir, opts);
    }
    return git(["rev-parse", "HEAD"], dir, opts);
  });
}
