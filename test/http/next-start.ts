import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

/** `next build` output: the build's own folder when it was made with NEXT_DIST_DIR, as next.config.js reads it */
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";

export type NextServer = { base: string; port: number; log: () => string; stop: () => Promise<void> };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/**
 * The built app served by `next start` on a free port with this environment, once
 * `ready(base)` says it answers (within a minute).
 */
export async function startNext(env: Record<string, string>, ready: (base: string) => Promise<boolean>): Promise<NextServer> {
  if (!fs.existsSync(path.join(process.cwd(), DIST_DIR, "BUILD_ID"))) {
    throw new Error(`no production build in ${DIST_DIR}: run \`npm run build\` before this test (the README test command does)`);
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let log = "";
  const server: ChildProcess = spawn(path.join("node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  server.stdout!.on("data", (d) => (log += d));
  server.stderr!.on("data", (d) => (log += d));
  const stop = async () => {
    if (!server.pid) return;
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
    await new Promise((r) => setTimeout(r, 300));
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if (await ready(base)) return { base, port, log: () => log, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`server did not start:\n${log}`);
}
