import { parseYamlSafely } from "../yaml/parse-yaml-safely";
import { echo } from "../drf/messages";

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
