import { parseYamlSafely } from "../yaml/parse-yaml-safely";
import { choice, flag, integer, intChoice, primaryKey, string } from "../drf/fields";
import { echo } from "../drf/messages";
import { JOB_KINDS, JOB_STATES, JOB_TYPES } from "./enums";

/** The longest `timeout` a job may have: 30 days. */
export const MAX_TIMEOUT_S = 30 * 86_400;

/** Limits on free text, so no field can fill the database. */
export const MAX = { short: 1024, module: 256, arguments: 16384, text: 262144 } as const;

/** The run options a job shares with a template (also the template's fields). */
export const RUN_OPTION_FIELDS = {
  playbook: string({ maxLength: MAX.short }),
  job_type: choice(JOB_TYPES),
  forks: integer({ min: 0, max: 200 }),
  limit: string({ maxLength: MAX.short }),
  tags: string({ maxLength: MAX.short }),
  skip_tags: string({ maxLength: MAX.short }),
  verbosity: intChoice([0, 1, 2, 3, 4]),
  variables: string({ maxLength: MAX.text }),
  become_enabled: flag(),
  diff_mode: flag(),
  force_handlers: flag(),
  start_at_task: string({ maxLength: MAX.short }),
  /** seconds; 0: no limit (AWX's job timeout) */
  timeout: integer({ min: 0, max: MAX_TIMEOUT_S }),
};

/** Every writable key of a job, parsed as DRF would. */
export const JOB_INPUT_FIELDS = {
  cuser: primaryKey({ nullable: false }),
  template: primaryKey(),
  inventory: primaryKey(),
  credential: primaryKey(),
  project: primaryKey(),
  schedule: primaryKey(),
  node: primaryKey(),
  job: primaryKey(),
  ...RUN_OPTION_FIELDS,
  inventory_str: string({ maxLength: MAX.text }),
  module: string({ maxLength: MAX.module }),
  arguments: string({ maxLength: MAX.arguments }),
  kind: choice(JOB_KINDS),
  state: choice(JOB_STATES),
  start_time: integer({ min: 0, max: 253402300799, nullable: true }),
  finish_time: integer({ min: 0, max: 253402300799, nullable: true }),
  ctime: integer({ min: 0, max: 253402300799 }),
};

/** Keys PUT/PATCH may change: run options and references, not state, times or cuser. */
export const JOB_UPDATE_KEYS = [
  "template", "inventory", "credential", "project", "schedule", "node", "job",
  "playbook", "job_type", "forks", "limit", "tags", "skip_tags", "verbosity", "variables",
  "become_enabled", "diff_mode", "force_handlers", "start_at_task", "timeout", "inventory_str", "module", "arguments", "kind",
] as const;

export const jobMessages = {
  variables: "必须是 YAML 或 JSON 格式的字典（mapping）。",
  playbookPath: "playbook 必须是项目内的相对路径，不能以 / 开头或包含 ..。",
  playbookMissing: (p: string) => `项目中不存在 playbook “${echo(p)}”。`,
  module: "模块名只能包含字母、数字、下划线和点。",
  inventoryRequired: "需要主机清单或主机列表（inventory_str）。",
  activeState: "只有执行器可以把作业设为等待中或运行中。",
  finishBeforeStart: "完成时间不能早于开始时间。",
  notEditable: "作业正在等待或运行，不能修改；请先取消。",
  notDeletable: "作业正在等待或运行，不能删除；请先取消。",
  someNotDeletable: (ids: number[]) => `作业 ${ids.join(", ")} 正在等待或运行，不能删除；请先取消。`,
  otherUser: "只有管理员可以替其他用户记录作业。",
  notCancelable: "作业未在运行，无法取消。",
  noFailedHosts: "该作业没有失败或不可达的主机。",
} as const;

/** `variables` is empty or parses (YAML, which includes JSON) to a mapping. */
export function isVariablesMapping(text: string): boolean {
  if (text.trim() === "") return true;
  try {
    const v = parseYamlSafely(text);
    return v === null || (typeof v === "object" && !Array.isArray(v));
  } catch {
    return false;
  }
}

/** A playbook path inside a project: relative, no `..` segment, no NUL or backslash tricks. */
export function isPlaybookPath(p: string): boolean {
  if (p === "" || p.startsWith("/") || p.startsWith("~") || /[\0\\]/.test(p)) return false;
  return !p.split("/").some((seg) => seg === ".." || seg === "");
}

export const isModuleName = (m: string): boolean => /^[A-Za-z0-9_.]+$/.test(m);
