import type { Db } from "@/db/client";
import { templates } from "@/db/schema";
import { parseFields, type FieldSource } from "@/lib/drf/serializer";
import { nowSeconds } from "@/lib/time";
import { assertValid } from "@/core/errors";
import { getTemplate } from "./get-template";
import type { TemplateWithNames } from "./select-templates";
import { TEMPLATE_FIELDS } from "./template-fields";
import { templateColumns } from "./template-row";

export async function createTemplate(db: Db, source: FieldSource): Promise<TemplateWithNames> {
  const { values, errors } = parseFields(TEMPLATE_FIELDS, source);
  return db.transaction(async (tx) => {
    const columns = await templateColumns(tx, values, errors);
    assertValid(errors);
    const [created] = await tx
      .insert(templates)
      .values({ ...columns, name: columns.name!, ctime: nowSeconds() })
      .returning({ id: templates.id });
    return getTemplate(tx, created!.id);
  });
}
