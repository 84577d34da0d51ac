import type { ProjectRow } from "./project-row";

export function serializeProject(r: ProjectRow) {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    scm_type: r.scmType,
    scm_url: r.scmUrl,
    scm_branch: r.scmBranch,
    local_path: r.localPath,
    playbooks: r.playbooks,
    scm_revision: r.scmRevision,
    sync_error: r.syncError,
    ctime: r.ctime,
  };
}

export type ProjectRecord = ReturnType<typeof serializeProject>;
