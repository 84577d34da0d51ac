import fs from "node:fs/promises";
import { normalizeLocalPath, resolveProjectDir } from "@/core/projects/project-path";

/**
 * The folders directly under the projects root that a manual project may use, sorted.
 * Hidden entries, names `local_path` refuses and symlinks that lead outside the root are
 * left out; a root that does not exist yet has no folders.
 */
export async function listProjectFolders(projectsRoot: string): Promise<string[]> {
  let names: string[];
  try {
    const entries = await fs.readdir(projectsRoot, { withFileTypes: true });
    names = entries
      .filter((e) => !e.name.startsWith(".") && (e.isDirectory() || e.isSymbolicLink()) && normalizeLocalPath(e.name) === e.name)
      .map((e) => e.name);
  } catch {
    return [];
  }
  const usable = await Promise.all(names.map(async (n) => ((await resolveProjectDir(projectsRoot, n)) ? n : null)));
  return usable.filter((n): n is string => n !== null).sort();
}
