import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Config } from "@/server/config";

export type RunAs = { name: string; uid: number; gid: number };

/**
 * ANSIBLE_RUN_AS: Ansible runs as another, unprivileged OS user, so a playbook running
 * commands on the controller cannot read what the executor's user can: its environment
 * (`/proc/<pid>/environ` with DATABASE_URL and SECRET_KEY), the key file, the database
 * files. Changing user needs the executor to run as root.
 */
export function resolveRunAs(config: Pick<Config, "ansibleRunAs">): RunAs | undefined {
  const name = config.ansibleRunAs;
  if (!name) return undefined;
  if (process.getuid?.() !== 0) throw new Error(`ANSIBLE_RUN_AS=${name} needs the executor to run as root (it starts Ansible as that user)`);
  const id = (flag: string) => {
    try {
      return Number(execFileSync("id", [flag, name], { encoding: "utf8" }).trim());
    } catch {
      throw new Error(`ANSIBLE_RUN_AS=${name}: no such user on this machine`);
    }
  };
  const runAs = { name, uid: id("-u"), gid: id("-g") };
  if (runAs.uid === 0) throw new Error(`ANSIBLE_RUN_AS=${name} is root: name an unprivileged user`);
  return runAs;
}

/**
 * Prepares the data directory for runs as another user: the database and the key stay
 * the executor's alone, the run directory may be crossed (not listed), and the user must
 * reach the run and project directories. Throws a message naming what to fix.
 */
export function prepareRunAsDirs(config: Pick<Config, "runDir" | "pgliteDir" | "projectsRoot">, runAs: RunAs): void {
  if (fs.existsSync(config.pgliteDir)) fs.chmodSync(config.pgliteDir, 0o700);
  fs.mkdirSync(config.runDir, { recursive: true, mode: 0o711 });
  fs.chmodSync(config.runDir, 0o711);
  const checks: [string, string][] = [[config.runDir, 'test -x "$1"']];
  if (fs.existsSync(config.projectsRoot)) checks.push([config.projectsRoot, 'test -x "$1" && test -r "$1"']);
  for (const [dir, test] of checks) {
    const r = spawnSync("/bin/sh", ["-c", test, "check", dir], { uid: runAs.uid, gid: runAs.gid });
    if (r.status !== 0) {
      throw new Error(`ANSIBLE_RUN_AS=${runAs.name} cannot reach ${dir}: every directory above it needs o+x (e.g. chmod o+x ${path.dirname(dir)})`);
    }
  }
}

/** Hands a job's private files to the run-as user (the executor, as root, still removes them after). */
export function chownTree(dir: string, runAs: RunAs): void {
  fs.chownSync(dir, runAs.uid, runAs.gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    fs.lchownSync(path.join(entry.parentPath, entry.name), runAs.uid, runAs.gid);
  }
}
