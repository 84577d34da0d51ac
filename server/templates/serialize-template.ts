import { flagName, VERBOSITY_NAMES } from "@/lib/jobs/enums";
import type { TemplateWithNames } from "./select-templates";

export function serializeTemplate({ template: r, projectName, inventoryName, credentialName }: TemplateWithNames) {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    project: r.projectId,
    project_name: projectName,
    playbook: r.playbook,
    inventory: r.inventoryId,
    inventory_name: inventoryName,
    credential: r.credentialId,
    credential_name: credentialName,
    job_type: r.jobType,
    forks: r.forks,
    limit: r.limit,
    tags: r.tags,
    skip_tags: r.skipTags,
    verbosity: r.verbosity,
    verbosity_name: VERBOSITY_NAMES[r.verbosity] ?? String(r.verbosity),
    variables: r.variables,
    become_enabled: r.becomeEnabled,
    become_enabled_name: flagName(r.becomeEnabled),
    diff_mode: r.diffMode,
    diff_mode_name: flagName(r.diffMode),
    force_handlers: r.forceHandlers,
    force_handlers_name: flagName(r.forceHandlers),
    start_at_task: r.startAtTask,
    timeout: r.timeout,
    ctime: r.ctime,
  };
}

export type TemplateRecord = ReturnType<typeof serializeTemplate>;
