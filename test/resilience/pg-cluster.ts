import { execFileSync, spawnSync, type SpawnSyncOptions } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { freePort } from "../free-port";

const BIN = process.env.PG_BIN_DIR ?? "/usr/lib/postgresql/15/bin";

export type Cluster = {
  port: number;
  /** a postgres:// URL of database `db` on this cluster */
  url: (db?: string) => string;
  /** `pg_ctl restart -m fast`: every connection is cut, the server is back within seconds */
  restart: () => void;
  /** terminates every other backend of `db` from a fresh connection; resolves to how many */
  terminateBackends: (db: string) => Promise<number>;
  /** stops the server and removes its directory */
  destroy: () => void;
};

export const hasPostgresBinaries = () => fs.existsSync(path.join(BIN, "initdb")) && fs.existsSync(path.join(BIN, "pg_ctl"));

/**
 * A throwaway PostgreSQL cluster of its own (temp directory, free port, trust auth, socket
 * in its own folder), for tests that cut connections or restart the server. initdb refuses
 * root: as root the cluster runs as the OS user `postgres`.
 */
export async function startCluster(): Promise<Cluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zuoye-pg-"));
  const data = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  const port = await freePort();
  const as: SpawnSyncOptions = {};
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    fs.chownSync(dir, uid, gid);
    Object.assign(as, { uid, gid });
  }
  const run = (program: string, args: string[]) => {
    const r = spawnSync(path.join(BIN, program), args, { ...as, cwd: dir, encoding: "utf8", env: { ...process.env, LC_ALL: "C.UTF-8" } });
    if (r.status !== 0)
      throw new Error(
        `${program} ${args.join(" ")} failed (${r.status}):\n${r.stdout}\n${r.stderr}\n${fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : ""}`,
      );
  };
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  fs.appendFileSync(
    path.join(data, "postgresql.conf"),
    [
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${dir}'`,
      "fsync = off",
      "synchronous_commit = off",
      "full_page_writes = off",
      "max_connections = 200",
      "",
    ].join("\n"),
  );
  run("pg_ctl", ["-D", data, "-l", logFile, "-w", "-t", "120", "start"]);
  const url = (db = "postgres") => `postgres://postgres@127.0.0.1:${port}/${db}`;
  return {
    port,
    url,
    restart: () => run("pg_ctl", ["-D", data, "-l", logFile, "-w", "-t", "120", "-m", "fast", "restart"]),
    async terminateBackends(db) {
      const sql = postgres(url(), { max: 1, onnotice: () => {}, connect_timeout: 10 });
      try {
        const rows = await sql`select pg_terminate_backend(pid) as t from pg_stat_activity where pid <> pg_backend_pid() and datname = ${db}`;
        return rows.filter((r) => r.t).length;
      } finally {
        await sql.end({ timeout: 2 });
      }
    },
    destroy() {
      spawnSync(path.join(BIN, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], { ...as, cwd: dir });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
