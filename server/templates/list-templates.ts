import type { Db } from "@/db/client";
import { templates } from "@/db/schema";
import { listResource } from "../resources/list-resource";
import { selectTemplates } from "./select-templates";
import { TEMPLATE_LIST } from "./template-fields";

export async function listTemplates(db: Db, url: URL) {
  return listResource(db, templates, TEMPLATE_LIST, selectTemplates, url);
}
