import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "../free-port";

/** `next build` output: the build's own folder when it was made with NEXT_DIST_DIR, as next.config.js reads it */
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";

export type NextProcess = {
  base: string;
  child: ChildProcess;
  log: () => string;
  /** an admin API token, from POST /api/auth/token/ */
  token: string;
  /** SIGKILL to the server's whole process group, as a crash or `kill -9` would */
  kill9: () => Promise<void>;
  /** SIGTERM, and waits for the exit */
  stop: () => Promise<void>;
};

/**
 * The built app served by `next start` in a process group of its own, with `env` added to
 * this process's; resolves once the admin (ADMIN_PASSWORD in `env`) can get a token
 * (asked with `tokenHeaders` added, e.g. the X-Forwarded-For of a proxied client).
 * `launcher`: served as `npm start` serves it (scripts/serve.ts, WEB_CONCURRENCY from `env`).
 */
export async function startNext(
  env: Record<string, string>,
  opts: { port?: number; tokenHeaders?: Record<string, string>; launcher?: boolean } = {},
): Promise<NextProcess> {
  if (!fs.existsSync(path.join(process.cwd(), DIST_DIR, "BUILD_ID"))) {
    throw new Error(`no production build in ${DIST_DIR}: run \`npm run build\` before this test (the README test command does)`);
  }
  const port = opts.port ?? (await freePort());
  const base = `http://127.0.0.1:${port}`;
  let log = "";
  const [command, args] = opts.launcher
    ? [process.execPath, ["--import", "tsx", path.join("scripts", "serve.ts")]]
    : [path.join("node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"]];
  const child = spawn(command, args, {
    env: { ...process.env, ...env, ...(opts.launcher ? { PORT: String(port), HOSTNAME: "127.0.0.1" } : {}) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = async (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      /* already gone */
    }
    await exited;
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const r = await fetch(`${base}/api/auth/token/`, {
        method: "POST",
        headers: { "content-type": "application/json", ...opts.tokenHeaders },
        body: JSON.stringify({ username: env.ADMIN_USERNAME ?? "admin", password: env.ADMIN_PASSWORD }),
      });
      if (r.status === 200) {
        const { token } = (await r.json()) as { token: string };
        return { base, child, log: () => log, token, kill9: () => signal("SIGKILL"), stop: () => signal("SIGTERM") };
      }
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await signal("SIGKILL");
  throw new Error(`server did not start:\n${log}`);
}
