import type { Db } from "@/db/client";
import { projects } from "@/db/schema";
import { listResource } from "../resources/list-resource";
import { PROJECT_LIST } from "./project-fields";

export async function listProjects(db: Db, url: URL) {
  return listResource(db, projects, PROJECT_LIST, (d) => d.select().from(projects).$dynamic(), url);
}
