import { notFound } from "next/navigation";
import { ProjectEdit } from "@/components/catalog/projects/project-pages";
import { requirePageUser } from "@/server/auth/page-user";
import { getContext } from "@/server/context";
import { NotFound } from "@/server/http/errors";
import { getProject } from "@/server/projects/get-project";
import { serializeProject } from "@/server/projects/serialize-project";

export const dynamic = "force-dynamic";

/** Looked up on the server so that an unknown id is a real 404 page. */
async function load(id: string) {
  if (!/^\d{1,9}$/.test(id)) return null;
  try {
    return serializeProject(await getProject((await getContext()).db, Number(id)));
  } catch (e) {
    if (e instanceof NotFound) return null;
    throw e;
  }
}

export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // the cookie proxy.ts let through must be a live session: this page reads the database itself
  await requirePageUser(`/projects/${id}`);
  const project = await load(id);
  if (!project) notFound();
  return <ProjectEdit initial={project} />;
}
