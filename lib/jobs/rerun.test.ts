import { describe, expect, it } from "vitest";
import type { JobRecord } from "./job-record";
import { RERUN_COPIED_KEYS } from "../contracts/job";
import { changedOptions, RerunOptions, rerunBody, rerunFormValues } from "./rerun";

const job = {
  id: 7,
  cuser: 1,
  user: "管理员",
  template: 2,
  inventory: 3,
  credential: 4,
  project: 5,
  schedule: 6,
  node: null,
  template_name: "t",
  inventory_name: "i",
  credential_name: "c",
  project_name: "p",
  schedule_name: "s",
  playbook: "site.yml",
  job_type: "run",
  forks: 5,
  limit: "web",
  tags: "a",
  skip_tags: "",
  start_at_task: "",
  verbosity: 1,
  verbosity_name: "Verbose",
  variables: "x: 1",
  inventory_str: "",
  become_enabled: 1,
  diff_mode: 0,
  force_handlers: 0,
  become_enabled_name: "是",
  diff_mode_name: "否",
  force_handlers_name: "否",
  module: "",
  arguments: "",
  kind: "job",
  kind_name: "自动化作业",
  job: null,
  state: "failed",
  state_name: "失败",
  start_time: 1,
  finish_time: 2,
  ctime: 1,
  timeout: 600,
  explanation: "主机 web 的任务 “x” 失败",
  canceled_by: null,
  variables_trusted: 1,
  scm_revision: "0123456789abcdef0123456789abcdef01234567",
  queue_position: null,
  queue_reason: null,
  queue_limit: null,
  output_purged: 0,
  duration: 1,
} satisfies JobRecord;

describe("re-run", () => {
  it("copies the run options and references, not the schedule nor the revision, and points back", () => {
    const body = rerunBody(job);
    for (const k of RERUN_COPIED_KEYS) expect(body[k]).toEqual(job[k]);
    expect(body).not.toHaveProperty("schedule");
    expect(body).not.toHaveProperty("scm_revision");
    expect(body).toMatchObject({ job: 7, state: "new" });
  });

  it("parses the dialog's inputs and lists what changed", () => {
    const values = { ...rerunFormValues(job), forks: " 20 ", variables: "x: 2\n", diff_mode: true, limit: "web " };
    const parsed = RerunOptions.parse(values);
    expect(parsed).toMatchObject({ forks: 20, diff_mode: 1, become_enabled: 1, verbosity: 1 });
    expect(changedOptions(job, parsed).map((c) => c.key)).toEqual(["variables", "forks", "diff_mode"]);
    expect(rerunBody(job, parsed)).toMatchObject({ forks: 20, variables: "x: 2\n", template: 2 });
  });

  it("reports a non-integer with DRF's message and leaves ranges to the API", () => {
    const bad = RerunOptions.safeParse({ ...rerunFormValues(job), forks: "many" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ["forks"], message: "请填写合法的整数值。" });
    expect(RerunOptions.parse({ ...rerunFormValues(job), forks: "999" }).forks).toBe(999);
  });
});
