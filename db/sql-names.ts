import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * Columns by their bare names, for the parts of a statement Drizzle cannot write (an
 * `insert … select … from json_to_recordset(…)`): the column list of the insert, an
 * `on conflict` target. Tables interpolate as themselves (`${jobs}`).
 */
export function names(...columns: AnyPgColumn[]): SQL {
  return sql.join(
    columns.map((c) => sql.identifier(c.name)),
    sql.raw(", "),
  );
}
