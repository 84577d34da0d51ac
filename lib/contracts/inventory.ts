import { z } from "zod";
import { integer, string } from "../drf/fields";
import { MAX, MAX_CONCURRENT_JOBS } from "../jobs/limits";
import { DESCRIPTION_FIELD, NAME_FIELD } from "./common-fields";
import { inputSpec, keysWith, recordSchema, serializer, type Contract } from "./define";

/** The inventory record, in its key order. */
export const INVENTORY_FIELDS = {
  id: { output: z.number().int(), column: "id", orderable: true },
  name: { output: z.string(), column: "name", input: NAME_FIELD, update: true, orderable: true, searchable: true, filter: "exact" },
  description: { output: z.string(), column: "description", input: DESCRIPTION_FIELD, update: true, orderable: true, searchable: true },
  content: { output: z.string(), column: "content", input: string({ maxLength: MAX.text }), update: true },
  variables: { output: z.string(), column: "variables", input: string({ maxLength: MAX.text }), update: true },
  /** the hosts `content` names, worked out when it is saved */
  hosts: { output: z.array(z.string()), column: "hosts" },
  ctime: { output: z.number(), column: "ctime", orderable: true },
  max_concurrent_jobs: {
    output: z.number().int(),
    column: "maxConcurrentJobs",
    input: integer({ min: 0, max: MAX_CONCURRENT_JOBS }),
    update: true,
    orderable: true,
    added: `at most this many jobs on it (of any template, and ad-hoc commands) waiting or running at once, the rest wait \`pending\`; \`0\` (default) = no limit; 0 … ${MAX_CONCURRENT_JOBS}`,
  },
} as const satisfies Contract;

export const INVENTORY_INPUT_FIELDS = inputSpec(INVENTORY_FIELDS, keysWith(INVENTORY_FIELDS, "input"));

/** The inventory record, as the web UI reads it. */
export const InventoryRecord = recordSchema(INVENTORY_FIELDS);
export type InventoryRecord = z.infer<typeof InventoryRecord>;

export const toInventoryRecord: (row: Record<string, unknown>) => InventoryRecord = serializer(INVENTORY_FIELDS);
