import fs from "node:fs/promises";
import path from "node:path";

/** A folder under the projects root: relative, no `.`/`..`/empty segment, no `~`, NUL or backslash. */
export function normalizeLocalPath(p: string): string | null {
  const trimmed = p.replace(/\/+$/, "");
  if (trimmed === "" || trimmed.startsWith("/") || trimmed.startsWith("~") || /[\0\\]/.test(trimmed)) return null;
  return trimmed.split("/").some((seg) => seg === "" || seg === "." || seg === "..") ? null : trimmed;
}

/**
 * The real directory of a manual project, or null when it is missing, not a directory,
 * or (through a symlink) outside the projects root.
 */
export async function resolveProjectDir(projectsRoot: string, localPath: string): Promise<string | null> {
  try {
    const root = await fs.realpath(projectsRoot);
    const dir = await fs.realpath(path.join(root, localPath));
    if (!dir.startsWith(root + path.sep)) return null;
    return (await fs.stat(dir)).isDirectory() ? dir : null;
  } catch {
    return null;
  }
}
