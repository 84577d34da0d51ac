import { projects } from "@/db/schema";
import { PROJECT_FIELDS as PROJECT_CONTRACT, PROJECT_INPUT_FIELDS, SCM_TYPES } from "@/lib/contracts/project";
import { listSpecOf } from "../drf/list-query";
import { echo } from "@/lib/drf/messages";
import { isTransportAllowed, scmUrlTransport } from "@/lib/git/scm-url";

export { SCM_TYPES };

export const PROJECT_FIELDS = PROJECT_INPUT_FIELDS;

export const projectMessages = {
  scmUrl: "请输入合法的仓库地址：http(s)://、ssh://、git://、git@主机:路径 或 file://。",
  scmTransport: (transport: string, allowed: string) => `仓库地址的协议 ${transport} 不在 GIT_ALLOW_PROTOCOL（${allowed}）允许的范围内。`,
  localPathSyntax: "local_path 必须是项目根目录下的相对路径，不能以 / 开头或包含 ..。",
  localPathMissing: (p: string) => `项目根目录下没有目录 “${echo(p)}”。`,
} as const;

/** http(s)://, ssh://, git://, file:// URLs and scp-like `user@host:path`, none option-shaped. */
export function isScmUrl(url: string): boolean {
  return scmUrlTransport(url) !== null;
}

/** Why a project may not use `url` as its repository, or null: its form, then its transport. */
export function scmUrlProblem(url: string, allowProtocol: string): string | null {
  const transport = scmUrlTransport(url);
  if (transport === null) return projectMessages.scmUrl;
  return isTransportAllowed(transport, allowProtocol) ? null : projectMessages.scmTransport(transport, allowProtocol);
}

/** The project list's filters, search and ordering, from the contract. */
export const PROJECT_LIST = listSpecOf(PROJECT_CONTRACT, (c) => projects[c as keyof typeof projects.$inferSelect]);
