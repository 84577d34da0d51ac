import type { Db } from "@/db/client";
import { projects } from "@/db/schema";
import { deleteById } from "../resources/delete-by-id";

/** Templates and jobs that name the project keep its id (their `project_name` shows it is gone). */
export async function deleteProject(db: Db, id: number): Promise<void> {
  await deleteById(db, projects, projects.id, id);
}
