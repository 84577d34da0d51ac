import { count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { savedFilters } from "@/db/schema";
import { MAX_SAVED_FILTERS, SAVED_FILTER_INPUT_FIELDS, savedFilterMessages } from "@/lib/contracts/saved-filter";
import { parseFields, type FieldSource } from "@/lib/drf/serializer";
import { nowSeconds } from "@/lib/time";
import { assertValid, ValidationError } from "@/core/errors";
import { isUniqueViolation } from "../users/unique-violation";
import type { SavedFilterRow } from "./saved-filter-fields";

/** Saves a named view for the user; a name they already use is a 400 on `name`. */
export async function createSavedFilter(db: Db, userId: number, source: FieldSource): Promise<SavedFilterRow> {
  const { values, errors } = parseFields(SAVED_FILTER_INPUT_FIELDS, source);
  assertValid(errors);
  const [held] = await db.select({ n: count() }).from(savedFilters).where(eq(savedFilters.userId, userId));
  if (Number(held!.n) >= MAX_SAVED_FILTERS) throw new ValidationError({ non_field_errors: [savedFilterMessages.tooMany] });
  try {
    const [created] = await db
      .insert(savedFilters)
      .values({ userId, name: values.name!, query: values.query ?? "", ctime: nowSeconds() })
      .returning();
    return created!;
  } catch (e) {
    if (isUniqueViolation(e)) throw new ValidationError({ name: [savedFilterMessages.nameTaken(values.name!)] });
    throw e;
  }
}
