import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { templates } from "@/db/schema";
import { parseFields, type FieldSource } from "@/lib/drf/serializer";
import { assertValid } from "@/core/errors";
import { firstOrNotFound } from "../resources/find-by-id";
import { getTemplate } from "./get-template";
import type { TemplateWithNames } from "./select-templates";
import { TEMPLATE_FIELDS } from "./template-fields";
import { templateColumns } from "./template-row";

/** PUT (`partial: false`: required fields must be sent) and PATCH. */
export async function updateTemplate(db: Db, id: number, source: FieldSource, opts: { partial: boolean }): Promise<TemplateWithNames> {
  const { values, errors } = parseFields(TEMPLATE_FIELDS, source, opts);
  return db.transaction(async (tx) => {
    firstOrNotFound(await tx.select({ id: templates.id }).from(templates).where(eq(templates.id, id)).for("update"));
    const columns = await templateColumns(tx, values, errors);
    assertValid(errors);
    if (Object.keys(columns).length > 0) await tx.update(templates).set(columns).where(eq(templates.id, id));
    return getTemplate(tx, id);
  });
}
