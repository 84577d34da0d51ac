import type { projects } from "@/db/schema";
import { msg } from "@/lib/drf/messages";
import { addError, type FieldErrors } from "@/lib/drf/serializer";
import { branchMessage, refNameProblem } from "@/lib/git/ref-name";
import type { Config } from "@/core/config";
import { projectMessages, scmUrlProblem } from "./project-fields";
import { normalizeLocalPath, resolveProjectDir } from "@/core/projects/project-path";
import { scanPlaybooks } from "./scan-playbooks";

export type ProjectRow = typeof projects.$inferSelect;
type ProjectInsert = typeof projects.$inferInsert;
/** What checking a project needs of the configuration. */
export type ProjectSettings = Pick<Config, "projectsRoot" | "gitAllowProtocol">;

type ProjectValues = {
  name?: string | null;
  description?: string | null;
  scm_type?: "manual" | "git" | null;
  scm_url?: string | null;
  scm_branch?: string | null;
  local_path?: string | null;
};

/**
 * The columns a create or update writes, checked against what the project becomes.
 * A manual project's folder must exist under the projects root and is scanned for
 * playbooks each time; a git project's folder and playbooks belong to its sync.
 */
export async function projectColumns(
  v: ProjectValues,
  current: ProjectRow | undefined,
  config: ProjectSettings,
  errors: FieldErrors,
): Promise<Partial<ProjectInsert>> {
  const out: Partial<ProjectInsert> = {};
  if (v.name != null) out.name = v.name;
  if (v.description != null) out.description = v.description;
  if (v.scm_branch != null) {
    const problem = v.scm_branch === "" ? null : refNameProblem(v.scm_branch);
    if (problem) addError(errors, "scm_branch", branchMessage(problem));
    out.scmBranch = v.scm_branch;
  }
  if (v.scm_url != null) {
    const problem = v.scm_url === "" ? null : scmUrlProblem(v.scm_url, config.gitAllowProtocol);
    if (problem) addError(errors, "scm_url", problem);
    out.scmUrl = v.scm_url;
  }
  // a field-level check in DRF terms: done whatever the type
  const givenPath = v.local_path ? normalizeLocalPath(v.local_path) : undefined;
  if (givenPath === null) addError(errors, "local_path", projectMessages.localPathSyntax);
  // what else the project must have depends on its type: nothing more to check without one
  if (errors.scm_type) return out;
  const scmType = v.scm_type ?? current?.scmType ?? "manual";
  out.scmType = scmType;

  if (scmType === "git") {
    if (!(out.scmUrl ?? current?.scmUrl)) addError(errors, "scm_url", msg.required);
    const wasGit = current?.scmType === "git";
    out.localPath = wasGit ? current.localPath : "";
    out.playbooks = wasGit ? current.playbooks : [];
    return out;
  }

  const localPath = v.local_path != null ? givenPath : current?.scmType === "manual" ? current.localPath : "";
  if (localPath === null) return out;
  if (localPath === "" || localPath === undefined) {
    addError(errors, "local_path", msg.required);
    return out;
  }
  const dir = await resolveProjectDir(config.projectsRoot, localPath);
  if (dir === null) {
    addError(errors, "local_path", projectMessages.localPathMissing(localPath));
    return out;
  }
  out.localPath = localPath;
  out.playbooks = await scanPlaybooks(dir);
  return out;
}
