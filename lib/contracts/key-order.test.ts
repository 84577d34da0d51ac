import { describe, expect, it } from "vitest";
import { JOB_FIELDS } from "./job";
import { TEMPLATE_FIELDS } from "./template";

/**
 * Scripts compare records as text: the wire order of the keys is part of the contract.
 * The job's first 42 keys are the seed's example record; the template's as first shipped.
 */
describe("record key order", () => {
  it("the job record: the seed's keys in the seed's order, then the added ones", () => {
    expect(Object.keys(JOB_FIELDS)).toEqual([
      ...["id", "template", "cuser", "user", "job_type", "inventory", "credential", "forks", "limit", "tags", "skip_tags", "verbosity", "variables"],
      ...["start_time", "finish_time", "state", "inventory_str", "become_enabled", "diff_mode", "force_handlers", "start_at_task", "inventory_name"],
      ...["credential_name", "template_name", "state_name", "playbook", "kind", "arguments", "module", "verbosity_name", "kind_name", "job", "node"],
      ...["force_handlers_name", "diff_mode_name", "become_enabled_name", "schedule", "schedule_name", "ctime", "project_name", "project"],
      ...["timeout", "explanation", "canceled_by", "variables_trusted", "scm_revision", "queue_position", "queue_reason", "queue_limit", "output_purged"],
      ...["duration"],
    ]);
  });

  it("the template record: its laid-out keys; run options added later come before ctime", () => {
    expect(Object.keys(TEMPLATE_FIELDS)).toEqual([
      ...["id", "name", "description", "project", "project_name", "playbook", "inventory", "inventory_name", "credential", "credential_name"],
      ...["job_type", "forks", "limit", "tags", "skip_tags", "verbosity", "verbosity_name", "variables", "become_enabled", "become_enabled_name"],
      ...["diff_mode", "diff_mode_name", "force_handlers", "force_handlers_name", "start_at_task", "timeout", "ctime"],
      ...["last_job", "last_job_state", "last_job_time", "allow_simultaneous", "max_concurrent_jobs"],
      ...["ask_inventory_on_launch", "ask_credential_on_launch", "ask_job_type_on_launch", "ask_forks_on_launch", "ask_limit_on_launch"],
      ...["ask_tags_on_launch", "ask_skip_tags_on_launch", "ask_verbosity_on_launch", "ask_variables_on_launch", "ask_diff_mode_on_launch"],
    ]);
  });
});
