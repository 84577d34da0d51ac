import { execFileSync } from "node:child_process";
import os from "node:os";
import type { Config } from "../config";
import { isLinkableHome, probeSandbox, type SandboxUser } from "./bwrap";

export type JobUser = SandboxUser & { name: string; home: string };

/**
 * How this process runs Ansible and git:
 * - `sandbox`: in bubblewrap, as `user` when the process is root (ANSIBLE_RUN_AS, else
 *   nobody), as itself otherwise;
 * - `off`: SANDBOX=off, as today's processes did (ANSIBLE_RUN_AS still applies);
 * - `unavailable`: the sandbox is wanted but cannot start here: nothing runs.
 */
export type Isolation =
  | { mode: "sandbox"; bwrap: string; user?: JobUser; /** the home of whoever jobs run as, shown as their directory */ home: string }
  | { mode: "off"; runAs?: JobUser }
  | { mode: "unavailable"; reason: string };

function lookUpUser(name: string, setting: string): JobUser {
  const id = (flag: string) => {
    try {
      return Number(execFileSync("id", [flag, name], { encoding: "utf8" }).trim());
    } catch {
      throw new Error(`${setting}=${name}: no such user on this machine`);
    }
  };
  const user = { name, uid: id("-u"), gid: id("-g"), home: homeOf(name) };
  if (user.uid === 0) throw new Error(`${setting}=${name} is root: name an unprivileged user`);
  return user;
}

/** The user's home in the passwd database (/nonexistent when it names none). */
function homeOf(name: string): string {
  try {
    return execFileSync("getent", ["passwd", name], { encoding: "utf8" }).trim().split(":")[5] || "/nonexistent";
  } catch {
    return "/nonexistent";
  }
}

/** ANSIBLE_RUN_AS resolved; it needs the process to be root (it starts Ansible as that user). */
export function resolveRunAs(config: Pick<Config, "ansibleRunAs">): JobUser | undefined {
  const name = config.ansibleRunAs;
  if (!name) return undefined;
  if (process.getuid?.() !== 0) throw new Error(`ANSIBLE_RUN_AS=${name} needs the executor to run as root (it starts Ansible as that user)`);
  return lookUpUser(name, "ANSIBLE_RUN_AS");
}

/** The user jobs run as inside the sandbox when the process is root and ANSIBLE_RUN_AS is unset. */
function defaultSandboxUser(): JobUser {
  try {
    return lookUpUser("nobody", "the sandbox user");
  } catch {
    return { name: "nobody", uid: 65534, gid: 65534, home: "/nonexistent" };
  }
}

const cache = new Map<string, Isolation>();

/** Resolved once per process and settings (probing starts one sandbox, ~10 ms). */
export function resolveIsolation(config: Pick<Config, "sandbox" | "ansibleRunAs">): Isolation {
  const key = `${config.sandbox}|${config.ansibleRunAs ?? ""}`;
  let isolation = cache.get(key);
  if (isolation) return isolation;
  const runAs = resolveRunAs(config);
  if (config.sandbox === "off") isolation = { mode: "off", runAs };
  else {
    const user = process.getuid?.() === 0 ? (runAs ?? defaultSandboxUser()) : undefined;
    const home = user?.home ?? os.userInfo().homedir;
    const probe = probeSandbox(user);
    if (!probe.ok) isolation = { mode: "unavailable", reason: probe.reason };
    else if (!isLinkableHome(home))
      isolation = {
        mode: "unavailable",
        reason: `作业的用户 ${user?.name ?? os.userInfo().username} 的主目录 ${home} 无法在沙箱中使用（换一个主目录在 /home 之类位置的用户，ANSIBLE_RUN_AS）`,
      };
    else isolation = { mode: "sandbox", bwrap: probe.bwrap, user, home };
  }
  cache.set(key, isolation);
  return isolation;
}

/** The message a job or a sync that cannot run gets. */
export function sandboxUnavailableMessage(reason: string): string {
  return `无法在沙箱中运行：${reason}。请在这台机器上安装 bubblewrap（apt-get install bubblewrap），或明确设置 SANDBOX=off 关闭沙箱（不推荐：作业将能读取服务器的文件）。`;
}
