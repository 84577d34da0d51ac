import { eq } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { NotFound } from "@/core/errors";

/** Deletes one row by id; none deleted is DRF's 404. Jobs keep their ids and names: no cascade. */
export async function deleteById(db: Db, table: PgTable, idColumn: AnyPgColumn, id: number): Promise<void> {
  const deleted = await db.delete(table).where(eq(idColumn, id)).returning({ id: idColumn });
  if (deleted.length === 0) throw new NotFound();
}
