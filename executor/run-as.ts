import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Config } from "@/core/config";

export type RunAs = { name: string; uid: number; gid: number };

/**
 * With SANDBOX=off, ANSIBLE_RUN_AS runs Ansible as another, unprivileged OS user (the
 * executor must be root), so a playbook running commands on the controller cannot read
 * the executor's environment, the key file or the database files.
 * Prepares the data directory for runs as another user: the database and the key stay
 * the executor's alone, the run directory may be crossed (not listed), and the user must
 * reach the run directory. Throws a message naming what to fix.
 */
export function prepareRunAsDirs(config: Pick<Config, "dataDir" | "runDir" | "pgliteDir">, runAs: RunAs): void {
  if (fs.existsSync(config.pgliteDir)) fs.chmodSync(config.pgliteDir, 0o700);
  // crossed, never listed: the user reaches its own job's directory and nothing else
  for (const dir of [config.dataDir, config.runDir]) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o711 });
    fs.chmodSync(dir, 0o711);
  }
  const r = spawnSync("/bin/sh", ["-c", 'test -x "$1"', "check", config.runDir], { uid: runAs.uid, gid: runAs.gid });
  if (r.status !== 0) {
    throw new Error(
      `ANSIBLE_RUN_AS=${runAs.name} cannot reach ${config.runDir}: every directory above it needs o+x (e.g. chmod o+x ${path.dirname(config.dataDir)})`,
    );
  }
}

/** Hands a job's private files to the user it runs as (the executor, as root, still removes them after). */
export function chownTree(dir: string, runAs: { uid: number; gid: number }): void {
  fs.chownSync(dir, runAs.uid, runAs.gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    fs.lchownSync(path.join(entry.parentPath, entry.name), runAs.uid, runAs.gid);
  }
}
