import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { projects } from "@/db/schema";
import type { Config } from "@/core/config";
import { ValidationError } from "@/core/errors";
import { getProject } from "./get-project";
import { gitCheckoutDir, SyncError, syncGitCheckout } from "@/core/projects/git-checkout";
import { resolveProjectDir } from "@/core/projects/project-path";
import type { ProjectRow } from "./project-row";
import { scanPlaybooks } from "./scan-playbooks";
import { resolveIsolation } from "@/core/sandbox/isolation";

/**
 * `POST /api/job/project/<id>/update/`, and the first sync of a new git project: a git
 * project is cloned or fetched and its playbooks listed again; a manual project's
 * folder is scanned again. A failed sync is kept on the project (`sync_error`).
 */
export async function syncProject(db: Db, config: Config, id: number, opts: { throwOnError: boolean } = { throwOnError: true }): Promise<ProjectRow> {
  const project = await getProject(db, id);
  let changes: Partial<ProjectRow>;
  try {
    if (project.scmType === "git") {
      const dir = gitCheckoutDir(config.dataDir, project.id);
      const revision = await syncGitCheckout(dir, project.scmUrl, project.scmBranch, {
        allowProtocol: config.gitAllowProtocol,
        isolation: resolveIsolation(config),
      });
      changes = { scmRevision: revision, syncError: "", playbooks: await scanPlaybooks(dir) };
    } else {
      const dir = await resolveProjectDir(config.projectsRoot, project.localPath);
      if (dir === null) throw new SyncError(`项目目录 “${project.localPath}” 不存在。`);
      changes = { syncError: "", playbooks: await scanPlaybooks(dir) };
    }
  } catch (e) {
    if (!(e instanceof SyncError)) throw e;
    await db.update(projects).set({ syncError: e.message }).where(eq(projects.id, id));
    if (opts.throwOnError) throw new ValidationError({ non_field_errors: [e.message] });
    return getProject(db, id);
  }
  const [updated] = await db.update(projects).set(changes).where(eq(projects.id, id)).returning();
  return updated ?? getProject(db, id);
}

/** After a create or an update: a git project is synced at once (a failure is kept, not thrown). */
export async function syncIfGit(db: Db, config: Config, project: ProjectRow): Promise<ProjectRow> {
  return project.scmType === "git" ? syncProject(db, config, project.id, { throwOnError: false }) : project;
}
