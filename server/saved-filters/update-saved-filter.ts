import type { Db } from "@/db/client";
import { savedFilters } from "@/db/schema";
import { SAVED_FILTER_INPUT_FIELDS, savedFilterMessages } from "@/lib/contracts/saved-filter";
import { parseFields, type FieldSource } from "@/lib/drf/serializer";
import { assertValid, ValidationError } from "@/core/errors";
import { firstOrNotFound } from "../resources/find-by-id";
import { isUniqueViolation } from "../users/unique-violation";
import { getSavedFilter } from "./get-saved-filter";
import { ownSavedFilter, type SavedFilterRow } from "./saved-filter-fields";

/** PATCH: renames it and/or replaces its query; only the owner's, another's is 404. */
export async function updateSavedFilter(db: Db, userId: number, id: number, source: FieldSource): Promise<SavedFilterRow> {
  const current = await getSavedFilter(db, userId, id);
  const { values, errors } = parseFields(SAVED_FILTER_INPUT_FIELDS, source, { partial: true });
  assertValid(errors);
  const set = { ...(values.name != null && { name: values.name }), ...(values.query != null && { query: values.query }) };
  if (Object.keys(set).length === 0) return current;
  try {
    return firstOrNotFound(await db.update(savedFilters).set(set).where(ownSavedFilter(userId, id)).returning());
  } catch (e) {
    if (isUniqueViolation(e)) throw new ValidationError({ name: [savedFilterMessages.nameTaken(values.name!)] });
    throw e;
  }
}
