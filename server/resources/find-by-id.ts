import { NotFound } from "@/core/errors";

/** The one row of a lookup by primary key, or DRF's 404. */
export function firstOrNotFound<T>(rows: T[]): T {
  if (rows.length === 0) throw new NotFound();
  return rows[0];
}
