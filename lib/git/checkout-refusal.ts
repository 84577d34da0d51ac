import { echo } from "../drf/messages";
import { refNameProblem } from "./ref-name";
import { scmUrlTransport } from "./scm-url";

/**
 * Why a sync must not hand this repository address and branch to git, or null: the
 * same rules as the project API, for rows stored before it checked them.
 */
export function checkoutRefusal(url: string, branch: string): string | null {
  if (scmUrlTransport(url) === null) return "仓库地址无效（或以 - 开头），不同步。";
  const problem = branch === "" ? null : refNameProblem(branch);
  return problem ? `分支 “${echo(branch)}” 不是合法的分支或标签名（${problem}），不同步。` : null;
}
