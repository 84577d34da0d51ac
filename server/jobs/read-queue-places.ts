import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { NO_QUEUE_PLACE, queuePlaceOf, type QueuePlace } from "@/lib/jobs/queue-place";
import { INVENTORY_AHEAD, INVENTORY_CAP, INVENTORY_HELD, QUEUED_FROM, TEMPLATE_AHEAD, TEMPLATE_CAP, TEMPLATE_HELD } from "@/core/jobs/queue-limits";

type Counted = { id: number; tcap: number | null; theld: number; tahead: number; icap: number | null; iheld: number; iahead: number };

/** The queue places of some jobs; only `pending` ones have one (one statement for all of them, none without). */
export async function readQueuePlaces(db: Db, jobs: readonly { id: number; state: string }[]): Promise<Map<number, QueuePlace>> {
  const ids = jobs.filter((j) => j.state === "pending").map((j) => j.id);
  const places = new Map<number, QueuePlace>();
  if (ids.length === 0) return places;
  const rows = rowsOf<Counted>(
    await db.execute(sql`select j.id, ${TEMPLATE_CAP} as tcap, ${TEMPLATE_HELD}::int as theld, ${TEMPLATE_AHEAD}::int as tahead,
      ${INVENTORY_CAP} as icap, ${INVENTORY_HELD}::int as iheld, ${INVENTORY_AHEAD}::int as iahead
      from ${QUEUED_FROM} where j.id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`),
  );
  const num = (v: unknown) => (v === null ? null : Number(v));
  for (const r of rows) {
    places.set(
      Number(r.id),
      queuePlaceOf({
        templateCap: num(r.tcap),
        templateHeld: Number(r.theld),
        templateAhead: Number(r.tahead),
        inventoryCap: num(r.icap),
        inventoryHeld: Number(r.iheld),
        inventoryAhead: Number(r.iahead),
      }),
    );
  }
  return places;
}

/** Rows with their queue places (`NO_QUEUE_PLACE` unless pending), for the job record. */
export async function withQueuePlaces<R extends { id: number; state: string }>(db: Db, rows: readonly R[]): Promise<(R & QueuePlace)[]> {
  const places = await readQueuePlaces(db, rows);
  return rows.map((r) => ({ ...r, ...(places.get(r.id) ?? NO_QUEUE_PLACE) }));
}
