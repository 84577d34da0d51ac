import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { parseFields, type FieldSource } from "@/lib/drf/serializer";
import { choice, string } from "@/lib/drf/fields";
import { TIME_DISPLAYS } from "@/lib/auth/time-display";
import { isTimeZone, scheduleMessages } from "@/lib/schedules/cron";
import { assertValid, NotFound } from "@/core/errors";
import type { UserRow } from "./user-fields";

const FIELDS = {
  time_zone: string({ maxLength: 64, nullable: true }),
  time_display: choice(TIME_DISPLAYS),
};

/**
 * The caller's own display settings: `time_zone` (an IANA zone, stored as ICU names it;
 * null or "" follows the browser) and `time_display`. Anything invalid changes nothing.
 */
export async function updateOwnSettings(db: Db, userId: number, source: FieldSource): Promise<UserRow> {
  const { values, errors } = parseFields(FIELDS, source, { partial: true });
  const zone = values.time_zone;
  if (zone && !errors.time_zone && !isTimeZone(zone)) errors.time_zone = [scheduleMessages.timezone(zone)];
  assertValid(errors);
  const set: Partial<typeof users.$inferInsert> = {};
  if (zone !== undefined) set.timeZone = zone ? canonicalZone(zone) : null;
  if (values.time_display != null) set.timeDisplay = values.time_display;
  if (Object.keys(set).length === 0) {
    const [row] = await db.select().from(users).where(eq(users.id, userId));
    if (!row) throw new NotFound();
    return row;
  }
  const [row] = await db.update(users).set(set).where(eq(users.id, userId)).returning();
  if (!row) throw new NotFound();
  return row;
}

/** `asia/shanghai` → `Asia/Shanghai`: the spelling the browser's zone list uses. */
function canonicalZone(zone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
}
