import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { templates } from "@/db/schema";
import { firstOrNotFound } from "../resources/find-by-id";
import { selectTemplates, type TemplateWithNames } from "./select-templates";

export async function getTemplate(db: Db, id: number): Promise<TemplateWithNames> {
  return firstOrNotFound(await selectTemplates(db).where(eq(templates.id, id)));
}
