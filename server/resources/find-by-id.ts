import { NotFound } from "@/core/errors";

/** The one row of a lookup by primary key, or DRF's 404. */
export function firstOrNotFound<T>(rows: T[]): T {
  const [row] = rows;
  if (row === undefined) throw new NotFound();
  return row;
}
