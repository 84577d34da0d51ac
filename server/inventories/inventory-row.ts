import type { inventories } from "@/db/schema";
import { addError, type FieldErrors } from "@/lib/drf/serializer";
import { parseHosts } from "@/lib/inventory/parse-hosts";
import { isVariablesMapping, jobMessages } from "@/lib/jobs/job-fields";

export type InventoryRow = typeof inventories.$inferSelect;
type InventoryInsert = typeof inventories.$inferInsert;

type InventoryValues = {
  name?: string | null;
  description?: string | null;
  content?: string | null;
  variables?: string | null;
  max_concurrent_jobs?: number | null;
};

/** The columns a create or update writes; `hosts` follows `content`. */
export function inventoryColumns(v: InventoryValues, errors: FieldErrors): Partial<InventoryInsert> {
  const out: Partial<InventoryInsert> = {};
  if (v.name != null) out.name = v.name;
  if (v.description != null) out.description = v.description;
  if (v.max_concurrent_jobs != null) out.maxConcurrentJobs = v.max_concurrent_jobs;
  if (v.variables != null) {
    if (!isVariablesMapping(v.variables)) addError(errors, "variables", jobMessages.variables);
    out.variables = v.variables;
  }
  if (v.content != null) {
    const parsed = parseHosts(v.content);
    if (parsed.ok) out.hosts = parsed.hosts;
    else addError(errors, "content", parsed.error);
    out.content = v.content;
  }
  return out;
}
