/**
 * Why `name` cannot be a project's branch, or null when it can: the rules of
 * `git check-ref-format --branch` (git's `check_refname_format` on `refs/heads/<name>`,
 * plus no leading `-` and not `HEAD`). Tag names and commit ids follow the same rules,
 * so a tag (which `git clone --branch` and `git fetch` accept) passes too. Checked by
 * the project API and again by the sync, so a stored row never reaches git as an option.
 */
export function refNameProblem(name: string): string | null {
  if (name === "") return "不能为空。";
  if (name.startsWith("-")) return "不能以 - 开头。";
  if (name === "HEAD") return "不能是 HEAD。";
  // control characters, DEL, space and ~ ^ : ? * [ \ (git's "bad" and "glob" characters)
  if (/[\u0000-\u0020\u007f~^:?*[\\]/.test(name)) return "不能包含空白、控制字符或 ~ ^ : ? * [ \\ 中的字符。";
  if (name.includes("..")) return "不能包含 ..。";
  if (name.includes("@{")) return "不能包含 @{。";
  if (name.endsWith(".")) return "不能以 . 结尾。";
  for (const component of name.split("/")) {
    if (component === "") return "不能以 / 开头或结尾，也不能包含连续的 /。";
    if (component.startsWith(".")) return "以 / 分隔的每一段都不能以 . 开头。";
    if (component.endsWith(".lock")) return "以 / 分隔的每一段都不能以 .lock 结尾。";
  }
  return null;
}

/** The API's message for a refused branch: the rule it breaks (the value is not echoed). */
export const branchMessage = (problem: string): string => `不是合法的分支或标签名：${problem}`;
