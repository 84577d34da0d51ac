import type { Dirent } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { isPlaybookText } from "@/lib/projects/is-playbook-text";

const SKIPPED_DIRS = new Set(["roles", "group_vars", "host_vars", "node_modules"]);
/** folders below the project folder that are searched: `a.yml` … `d1/d2/d3/a.yml` */
const MAX_DEPTH = 3;
const MAX_FILE_BYTES = 1024 * 1024;
const MAX_FILES = 2000;
const MAX_TOTAL_BYTES = 32 * 1024 * 1024;

/**
 * The playbooks of a project folder: `*.yml`/`*.yaml` files that hold a list of plays,
 * as sorted relative paths. Hidden entries, role and variable folders and symlinks are
 * skipped; files that cannot be read or parsed are not playbooks.
 */
export async function scanPlaybooks(dir: string): Promise<string[]> {
  const found: string[] = [];
  const budget = { files: MAX_FILES, bytes: MAX_TOTAL_BYTES };
  const walk = async (rel: string, depth: number): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(path.join(dir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      const relPath = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (depth < MAX_DEPTH && !SKIPPED_DIRS.has(e.name)) await walk(relPath, depth + 1);
      } else if (e.isFile() && /\.ya?ml$/i.test(e.name) && budget.files-- > 0) {
        if (await isPlaybookFile(path.join(dir, relPath), budget)) found.push(relPath);
      }
    }
  };
  await walk("", 0);
  return found.sort();
}

async function isPlaybookFile(file: string, budget: { bytes: number }): Promise<boolean> {
  try {
    const { size } = await fs.stat(file);
    if (size > MAX_FILE_BYTES || size > budget.bytes) return false;
    budget.bytes -= size;
    return isPlaybookText(await fs.readFile(file, "utf8"));
  } catch {
    return false;
  }
}
