import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { schedules, templates } from "@/db/schema";
import { OVERRIDE_KEYS, SCHEDULE_FIELDS as SCHEDULE_CONTRACT, SCHEDULE_INPUT_FIELDS } from "@/lib/contracts/schedule";
import { listSpecOf } from "../drf/list-query";

export const SCHEDULE_FIELDS = SCHEDULE_INPUT_FIELDS;

/** Overridable run option keys → schedule columns. */
export const OVERRIDE_COLUMNS = Object.fromEntries(OVERRIDE_KEYS.map((k) => [k, SCHEDULE_CONTRACT[k].column])) as {
  [K in (typeof OVERRIDE_KEYS)[number]]: (typeof SCHEDULE_CONTRACT)[K]["column"];
} satisfies Record<(typeof OVERRIDE_KEYS)[number], keyof typeof schedules.$inferInsert>;

/** The schedule list's filters, search and ordering, from the contract; the template's name is its current one (a join). */
export const SCHEDULE_LIST = listSpecOf(
  SCHEDULE_CONTRACT,
  (c): AnyPgColumn => (c === "templateName" ? templates.name : schedules[c as keyof typeof schedules.$inferSelect]),
);
