import { inventories } from "@/db/schema";
import { string } from "@/lib/drf/fields";
import { MAX } from "@/lib/jobs/limits";
import { DESCRIPTION_FIELD, NAME_FIELD } from "@/lib/contracts/common-fields";

export const INVENTORY_FIELDS = {
  name: NAME_FIELD,
  description: DESCRIPTION_FIELD,
  content: string({ maxLength: MAX.text }),
  variables: string({ maxLength: MAX.text }),
};

export const INVENTORY_ORDERABLE = {
  id: inventories.id,
  name: inventories.name,
  description: inventories.description,
  ctime: inventories.ctime,
};
