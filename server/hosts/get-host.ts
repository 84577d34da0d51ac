import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { hosts } from "@/db/schema";
import { firstOrNotFound } from "../resources/find-by-id";

export type HostRow = typeof hosts.$inferSelect;

export async function getHost(db: Db, id: number): Promise<HostRow> {
  return firstOrNotFound(await db.select().from(hosts).where(eq(hosts.id, id)));
}
