import type { jobs } from "@/db/schema";
import { flagName, KIND_NAMES, STATE_NAMES, VERBOSITY_NAMES, type JobKind, type JobState } from "@/lib/jobs/enums";

export type JobRow = typeof jobs.$inferSelect;

/**
 * The seed's job record: every key always present, names as they were at creation. Keys
 * beyond the seed: `timeout`, `explanation` (why it ended so), `canceled_by` (user id).
 */
export function serializeJob(r: JobRow) {
  return {
    id: r.id,
    template: r.templateId,
    cuser: r.cuserId,
    user: r.userName,
    job_type: r.jobType,
    inventory: r.inventoryId,
    credential: r.credentialId,
    forks: r.forks,
    limit: r.limit,
    tags: r.tags,
    skip_tags: r.skipTags,
    verbosity: r.verbosity,
    variables: r.variables,
    start_time: r.startTime,
    finish_time: r.finishTime,
    state: r.state,
    inventory_str: r.inventoryStr,
    become_enabled: r.becomeEnabled,
    diff_mode: r.diffMode,
    force_handlers: r.forceHandlers,
    start_at_task: r.startAtTask,
    inventory_name: r.inventoryName,
    credential_name: r.credentialName,
    template_name: r.templateName,
    state_name: STATE_NAMES[r.state as JobState] ?? r.state,
    playbook: r.playbook,
    kind: r.kind,
    arguments: r.arguments,
    module: r.module,
    verbosity_name: VERBOSITY_NAMES[r.verbosity] ?? String(r.verbosity),
    kind_name: KIND_NAMES[r.kind as JobKind] ?? r.kind,
    job: r.parentJobId,
    node: r.nodeId,
    force_handlers_name: flagName(r.forceHandlers),
    diff_mode_name: flagName(r.diffMode),
    become_enabled_name: flagName(r.becomeEnabled),
    schedule: r.scheduleId,
    schedule_name: r.scheduleName,
    ctime: r.ctime,
    project_name: r.projectName,
    project: r.projectId,
    timeout: r.timeout,
    explanation: r.explanation,
    canceled_by: r.canceledBy,
    /** 1: Ansible may render Jinja in `variables` under JINJA_IN_VARIABLES=template (read-only) */
    variables_trusted: r.variablesTrusted ? 1 : 0,
  };
}

export type JobRecord = ReturnType<typeof serializeJob>;
