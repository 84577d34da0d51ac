import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { schedules, templates } from "@/db/schema";
import { OVERRIDE_KEYS, SCHEDULE_FIELDS as SCHEDULE_CONTRACT, SCHEDULE_INPUT_FIELDS, SCHEDULE_ORDERABLE_KEYS } from "@/lib/contracts/schedule";

export const SCHEDULE_FIELDS = SCHEDULE_INPUT_FIELDS;

/** Overridable run option keys → schedule columns. */
export const OVERRIDE_COLUMNS = Object.fromEntries(OVERRIDE_KEYS.map((k) => [k, SCHEDULE_CONTRACT[k].column])) as {
  [K in (typeof OVERRIDE_KEYS)[number]]: (typeof SCHEDULE_CONTRACT)[K]["column"];
} satisfies Record<(typeof OVERRIDE_KEYS)[number], keyof typeof schedules.$inferInsert>;

export const SCHEDULE_ORDERABLE: Record<string, AnyPgColumn> = Object.fromEntries(
  SCHEDULE_ORDERABLE_KEYS.map((key) => {
    const column = SCHEDULE_CONTRACT[key].column;
    return [key, column === "templateName" ? templates.name : schedules[column]];
  }),
);
