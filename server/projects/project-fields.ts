import { projects } from "@/db/schema";
import { choice, string } from "@/lib/drf/fields";
import { echo } from "@/lib/drf/messages";
import { isTransportAllowed, scmUrlTransport } from "@/lib/git/scm-url";
import { MAX } from "@/lib/jobs/limits";
import { DESCRIPTION_FIELD, NAME_FIELD } from "@/lib/contracts/common-fields";

export const SCM_TYPES = ["manual", "git"] as const;

export const PROJECT_FIELDS = {
  name: NAME_FIELD,
  description: DESCRIPTION_FIELD,
  scm_type: choice(SCM_TYPES),
  scm_url: string({ maxLength: MAX.short }),
  scm_branch: string({ maxLength: 256 }),
  local_path: string({ maxLength: MAX.short }),
};

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

export const PROJECT_ORDERABLE = {
  id: projects.id,
  name: projects.name,
  description: projects.description,
  scm_type: projects.scmType,
  scm_url: projects.scmUrl,
  scm_branch: projects.scmBranch,
  local_path: projects.localPath,
  ctime: projects.ctime,
};
