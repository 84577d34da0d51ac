import { parseYamlSafely } from "../yaml/parse-yaml-safely";
import { echo } from "../drf/messages";

export const jobMessages = {
  variables: "必须是 YAML 或 JSON 格式的字典（mapping）。",
  playbookPath: "playbook 必须是项目内的相对路径，不能以 / 开头或包含 ..。",
  playbookMissing: (p: string) => `项目中不存在 playbook “${echo(p)}”。`,
  module: "模块名只能包含字母、数字、下划线和点。",
  inventoryRequired: "需要主机清单或主机列表（inventory_str）。",
  activeState: "只有执行器可以把作业设为排队中、等待中或运行中。",
  finishBeforeStart: "完成时间不能早于开始时间。",
  notEditable: "作业正在等待或运行，不能修改；请先取消。",
  notDeletable: "作业正在等待或运行，不能删除；请先取消。",
  someNotDeletable: (ids: number[]) => `作业 ${ids.join(", ")} 正在等待或运行，不能删除；请先取消。`,
  otherUser: "只有管理员可以替其他用户记录作业。",
  notCancelable: "作业未在运行，无法取消。",
  noFailedHosts: "该作业没有失败或不可达的主机。",
} as const;

/** Why a relaunch cannot start at the failed task (`start_at: failed_task`): 400s, and the GET's `failed_task_error`. */
export const resumeMessages = {
  adhoc: "临时命令（adhoc）作业没有任务，不能从失败的任务继续。",
  noEvents: "该作业没有记录任务事件（例如 playbook 在任何任务开始前就出错了），无法确定失败的任务。",
  noFailedTask: "该作业没有在任务中失败或不可达的主机，没有可以继续的任务。",
  notRecorded: (task: string) => `任务 “${echo(task)}” 的事件没有记录它在 playbook 中的位置（作业由较早的版本执行），无法确定从哪里继续。`,
  handler: (task: string) => `失败的是 handler “${echo(task)}”：--start-at-task 不能从 handler 开始。`,
  notReachable: (task: string) => `--start-at-task 找不到任务 “${echo(task)}”：它来自动态包含（include_tasks、include_role）或 block 的 rescue 部分。`,
  notUnique: (task: string, where: string) =>
    `任务名 “${echo(task)}” 不唯一：--start-at-task 会先停在更早的同名任务${where ? `（${echo(where)}）` : ""}。给任务起唯一的名字后才能从它继续。`,
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
