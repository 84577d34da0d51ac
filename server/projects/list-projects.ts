import type { Db } from "@/db/client";
import { projects } from "@/db/schema";
import { listResource } from "../resources/list-resource";
import { PROJECT_ORDERABLE } from "./project-fields";

export async function listProjects(db: Db, url: URL) {
  return listResource(
    db,
    {
      table: projects,
      orderable: PROJECT_ORDERABLE,
      name: projects.name,
      search: [projects.name, projects.description],
      select: (d) => d.select().from(projects).$dynamic(),
    },
    url,
  );
}
