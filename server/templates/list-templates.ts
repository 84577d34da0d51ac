import type { Db } from "@/db/client";
import { templates } from "@/db/schema";
import { listResource } from "../resources/list-resource";
import { selectTemplates } from "./select-templates";
import { TEMPLATE_ORDERABLE } from "./template-fields";

export async function listTemplates(db: Db, url: URL) {
  return listResource(
    db,
    {
      table: templates,
      orderable: TEMPLATE_ORDERABLE,
      name: templates.name,
      search: [templates.name, templates.description],
      idFilters: { project: templates.projectId, inventory: templates.inventoryId, credential: templates.credentialId },
      select: selectTemplates,
    },
    url,
  );
}
