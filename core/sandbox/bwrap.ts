import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** Where Ansible and git find everything else: the host's /usr, read-only. */
const SEARCH_PATH = ["/usr/bin", "/bin", "/usr/local/bin"];
const SETPRIV = "/usr/bin/setpriv";

/** Where a job's private directory appears inside its sandbox. */
export const SANDBOX_JOB_DIR = "/job";

export type SandboxUser = { uid: number; gid: number };
export type SandboxMount = { from: string; to: string; writable?: boolean };

export type SandboxSpec = {
  /** the only host paths the sandbox sees besides /usr and /etc (read-only) */
  mounts: SandboxMount[];
  /**
   * `[home, dir]`: the job user's home in the host's /etc/passwd, shown as a link to `dir`
   * (Ansible finds a local "remote" temp through `~user`, ssh its files through the passwd
   * home). Not a passwd of our own bound over the host's: that is lost when the host
   * replaces /etc/passwd (useradd renames a new one into place).
   */
  home?: [string, string];
  cwd: string;
  /** run as this user inside (the caller is root); unset: the caller's own user */
  user?: SandboxUser;
  /** files made on a tmpfs inside from the caller's descriptors: they never touch the disk */
  secrets?: { dir: string; files: { fd: number; name: string }[] };
  /** descriptor bwrap writes `{"child-pid": N}` to: the host pid of the sandbox's init */
  infoFd?: number;
  command: string[];
};

export function findBwrap(): string | undefined {
  return SEARCH_PATH.map((d) => path.join(/*turbopackIgnore: true*/ d, "bwrap")).find((p) => fs.existsSync(p));
}

let usrMountArgs: string[] | undefined;

/** /usr read-only and the merged-/usr links (/bin → usr/bin …) as the host has them. */
function usrMounts(): string[] {
  if (usrMountArgs) return usrMountArgs;
  const args = ["--ro-bind", "/usr", "/usr"];
  for (const top of ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"]) {
    const stat = fs.lstatSync(top, { throwIfNoEntry: false });
    if (!stat) continue;
    if (stat.isSymbolicLink()) args.push("--symlink", fs.readlinkSync(top), top);
    else if (stat.isDirectory()) args.push("--ro-bind", top, top);
  }
  return (usrMountArgs = args);
}

/**
 * /etc read-only, and the targets of /etc files that link elsewhere (a resolv.conf under
 * /run), so names still resolve.
 */
function etcMounts(): string[] {
  const args = ["--ro-bind", "/etc", "/etc"];
  for (const file of ["/etc/resolv.conf", "/etc/hosts", "/etc/localtime"]) {
    try {
      const real = fs.realpathSync(file);
      if (!real.startsWith("/usr/") && !real.startsWith("/etc/")) args.push("--ro-bind", real, real);
    } catch {
      /* missing or dangling: nothing to show */
    }
  }
  return args;
}

/** Paths a home directory cannot be linked at in the sandbox: they are the sandbox's own. */
const SYSTEM_PATHS = /^\/(?:$|usr(?:\/|$)|etc(?:\/|$)|proc(?:\/|$)|dev(?:\/|$)|tmp(?:\/|$)|bin(?:\/|$)|sbin(?:\/|$)|lib[^/]*(?:\/|$))/;

/** Whether the sandbox can show `home` (the job user's home in /etc/passwd) as a link to its own directory. */
export function isLinkableHome(home: string): boolean {
  return path.isAbsolute(home) && path.normalize(home) === home && !SYSTEM_PATHS.test(home);
}

/**
 * Drops to the job's user inside the sandbox: hands it the secret tmpfs, then setpriv with
 * no capabilities, no supplementary groups and no_new_privs (sudo and setuid binaries
 * stop working). A fixed script: the ids and the directory come as arguments.
 */
const DROP =
  'if [ -n "$2" ]; then chown -R "$1" "$2" || exit 126; fi; ids=$1; shift 2; ' +
  `exec ${SETPRIV} --reuid="\${ids%:*}" --regid="\${ids#*:}" --clear-groups --inh-caps=-all --bounding-set=-all --no-new-privs -- "$@"`;

/**
 * bubblewrap's argv for a command in a sandbox of its own: own mount, PID and IPC
 * namespaces, a private /tmp, the host network. Because of the PID namespace everything
 * the command starts — `setsid` children, local async tasks, ssh masters — dies with
 * the sandbox's init, which dies with its parent (the executor), even on a kill -9.
 */
export function bwrapArgs(spec: SandboxSpec): string[] {
  const args = [
    ...usrMounts(),
    ...etcMounts(),
    "--proc",
    "/proc",
    // uid 0 may write /proc/sys without any capability (core_pattern): never writable here
    "--ro-bind",
    "/proc/sys",
    "/proc/sys",
    "--dev",
    "/dev",
    "--perms",
    "1777",
    "--tmpfs",
    "/dev/shm",
    "--perms",
    "1777",
    "--tmpfs",
    "/tmp",
  ];
  for (const m of spec.mounts) args.push(m.writable ? "--bind" : "--ro-bind", m.from, m.to);
  if (spec.home && spec.home[0] !== spec.home[1]) {
    // its parents (/home) readable by the user whatever this process's umask (077) would make them
    for (let dir = path.posix.dirname(spec.home[0]); dir !== "/"; dir = path.posix.dirname(dir)) args.push("--perms", "0755", "--dir", dir);
    args.push("--symlink", spec.home[1], spec.home[0]);
  }
  if (spec.secrets) {
    args.push("--perms", "0700", "--tmpfs", spec.secrets.dir);
    for (const f of spec.secrets.files) args.push("--perms", "0600", "--file", String(f.fd), path.posix.join(spec.secrets.dir, f.name));
  }
  args.push("--unshare-pid", "--unshare-ipc", "--unshare-cgroup-try", "--die-with-parent", "--new-session", "--chdir", spec.cwd);
  if (spec.infoFd !== undefined) args.push("--info-fd", String(spec.infoFd));
  args.push("--");
  if (spec.user) args.push("/bin/sh", "-c", DROP, "zuoye-sandbox", `${spec.user.uid}:${spec.user.gid}`, spec.secrets?.dir ?? "");
  args.push(...spec.command);
  return args;
}

export type SandboxProbe = { ok: true; bwrap: string } | { ok: false; reason: string };

/**
 * Whether a sandbox can start on this machine (bubblewrap installed, namespaces allowed):
 * one `true` in a sandbox as the job's user would run.
 */
export function probeSandbox(user?: SandboxUser): SandboxProbe {
  const bwrap = findBwrap();
  if (!bwrap) return { ok: false, reason: "找不到 bwrap（Debian 软件包 bubblewrap 未安装）" };
  if (user && !fs.existsSync(SETPRIV)) return { ok: false, reason: `找不到 ${SETPRIV}（util-linux）` };
  const r = spawnSync(bwrap, bwrapArgs({ mounts: [], cwd: "/", user, command: ["/bin/true"] }), { encoding: "utf8", timeout: 10_000 });
  if (r.status === 0) return { ok: true, bwrap };
  const detail = (r.stderr || r.error?.message || `退出码 ${r.status}`).trim().split("\n").slice(-2).join(" ");
  return { ok: false, reason: `bwrap 无法启动沙箱：${detail}` };
}

/** Every process of the sandbox whose init has host pid `initPid`, but the init itself. */
export function sandboxProcesses(initPid: number): number[] {
  let ns: string;
  try {
    ns = fs.readlinkSync(`/proc/${initPid}/ns/pid`);
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === initPid) continue;
    try {
      if (fs.readlinkSync(`/proc/${entry}/ns/pid`) === ns) out.push(Number(entry));
    } catch {
      /* gone, or not ours to look at */
    }
  }
  return out;
}
