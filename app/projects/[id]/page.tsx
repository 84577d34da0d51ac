import { ProjectEdit } from "@/components/catalog/projects/project-pages";
import { cache } from "react";
import { loadPageRecord } from "@/server/auth/load-page-record";
import { pageTitle } from "@/server/i18n/page-metadata";
import { getProject } from "@/server/projects/get-project";
import { serializeProject } from "@/server/projects/serialize-project";

export const dynamic = "force-dynamic";

// read once for the title and the page
const load = cache((id: string) => loadPageRecord(`/projects/${id}`, id, async (db, n) => serializeProject(await getProject(db, n))));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { name } = await load((await params).id);
  return pageTitle(({ c }) => `${name} · ${c.projects.title}`);
}

/** Loaded on the server (logged in, unknown id → 404 page). */
export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const project = await load(id);
  return <ProjectEdit initial={project} />;
}
