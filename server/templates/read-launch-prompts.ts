import type { Db } from "@/db/client";
import { askColumnOf, askFlag, JOB_FIELDS, PROMPT_KEYS } from "@/lib/contracts/job";
import type { LaunchPrompts } from "@/lib/contracts/template-launch";
import { getTemplate } from "./get-template";

/**
 * GET /api/job/template/<id>/launch/: which keys a launch may set, each key's value when
 * it is not set, and whether the template can start as it is (an asked-for inventory or
 * credential it lacks must be given).
 */
export async function readLaunchPrompts(db: Db, id: number): Promise<LaunchPrompts> {
  const { template, inventoryName, credentialName } = await getTemplate(db, id);
  const names: Record<string, string | null> = { inventory: inventoryName, credential: credentialName };
  const defaults: Record<string, unknown> = {};
  for (const key of PROMPT_KEYS) {
    const stored = template[JOB_FIELDS[key].column as keyof typeof template];
    defaults[key] = "reference" in JOB_FIELDS[key] ? (stored == null || names[key] == null ? null : { id: stored, name: names[key] }) : stored;
  }
  const flags = Object.fromEntries(PROMPT_KEYS.map((key) => [askFlag(key), template[askColumnOf(key)]]));
  const inventoryNeeded = template.askInventoryOnLaunch && defaults.inventory === null;
  const credentialNeeded = template.askCredentialOnLaunch && defaults.credential === null;
  return {
    ...flags,
    defaults,
    inventory_needed_to_start: inventoryNeeded,
    credential_needed_to_start: credentialNeeded,
    can_start_without_user_input: !inventoryNeeded && !credentialNeeded,
    job_template_data: { id: template.id, name: template.name, description: template.description },
  } as LaunchPrompts;
}
