import { ProjectEdit } from "@/components/catalog/projects/project-pages";
import { loadPageRecord } from "@/server/auth/load-page-record";
import { getProject } from "@/server/projects/get-project";
import { serializeProject } from "@/server/projects/serialize-project";

export const dynamic = "force-dynamic";

/** Loaded on the server (logged in, unknown id → 404 page). */
export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const project = await loadPageRecord(`/projects/${id}`, id, async (db, n) => serializeProject(await getProject(db, n)));
  return <ProjectEdit initial={project} />;
}
