/** Which limit a `pending` job waits behind. */
export const QUEUE_REASONS = ["template", "inventory"] as const;
export type QueueReason = (typeof QUEUE_REASONS)[number];

/** What the database counts for one queued job (core/jobs/queue-limits.ts): each limit (null: none), the slots held, the jobs queued before it. */
export type QueueCounts = {
  templateCap: number | null;
  templateHeld: number;
  templateAhead: number;
  inventoryCap: number | null;
  inventoryHeld: number;
  inventoryAhead: number;
};

/** A job's place in the queue it waits in: 1-based, with the limit that holds it; all null when it waits behind none. */
export type QueuePlace = { queuePosition: number | null; queueReason: QueueReason | null; queueLimit: number | null };

export const NO_QUEUE_PLACE: QueuePlace = { queuePosition: null, queueReason: null, queueLimit: null };

/**
 * The limit a queued job waits behind: the template's when it is full, else the
 * inventory's when that is; when neither is full right now (a slot just freed), the one
 * it has. Its place counts the jobs of that template (inventory) queued before it.
 */
export function queuePlaceOf(c: QueueCounts): QueuePlace {
  const templateFull = c.templateCap !== null && c.templateHeld >= c.templateCap;
  const inventoryFull = c.inventoryCap !== null && c.inventoryHeld >= c.inventoryCap;
  const byTemplate = templateFull || (!inventoryFull && c.templateCap !== null);
  if (byTemplate) return { queuePosition: c.templateAhead + 1, queueReason: "template", queueLimit: c.templateCap };
  if (c.inventoryCap !== null) return { queuePosition: c.inventoryAhead + 1, queueReason: "inventory", queueLimit: c.inventoryCap };
  return NO_QUEUE_PLACE;
}
