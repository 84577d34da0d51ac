import fs from "node:fs";
import path from "node:path";

/** A one-play playbook, as the project scan recognises it. */
export const PLAYBOOK = "- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.ping:\n";

/** The projects root of the app under test (DATA_DIR/projects, DATA_DIR being the test's temp dir). */
export function projectsRoot(): string {
  return path.join(process.env.DATA_DIR!, "projects");
}

/** Creates (or replaces) a folder under the projects root with the given files. */
export function makeProjectDir(name: string, files: Record<string, string>): string {
  const dir = path.join(projectsRoot(), name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}
