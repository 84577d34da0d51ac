import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { credentials, inventories, projects, type jobs } from "@/db/schema";
import { runSettingsOf } from "@/lib/contracts/job";
import { hostPatternProblem } from "@/lib/inventory/host-pattern";
import type { Config } from "@/core/config";
import { secretBox, type SecretBox } from "@/core/crypto/secret-box";
import { gitCheckoutDir, syncGitCheckout } from "@/core/projects/git-checkout";
import { resolveProjectDir } from "@/core/projects/project-path";
import { SANDBOX_JOB_DIR, type SandboxMount } from "@/core/sandbox/bwrap";
import { sandboxUnavailableMessage, type Isolation } from "@/core/sandbox/isolation";
import { buildCommand, hostListSource, jobFiles, type RunSpec } from "./build-command";
import { copyCallbackPlugins } from "./ansible-env";
import { extraVarsFile, mayRenderJinja } from "./extra-vars";
import { chownTree } from "./run-as";

type JobRow = typeof jobs.$inferSelect;

/** A run that cannot start; the reason is printed in the job's output and the job ends `error`. */
export class RunSetupError extends Error {}

export type PreparedRun = {
  /** the job's private directory on this machine (removed when the job ends) */
  dir: string;
  /** the same directory as Ansible sees it (`/job` in the sandbox) */
  root: string;
  cwd: string;
  program: string;
  args: string[];
  /** every secret value, to mask in the output */
  secrets: string[];
  /** in the sandbox: secret files Ansible reads, made on a tmpfs and never written here */
  secretFiles: { name: string; content: string }[];
  mounts: SandboxMount[];
  /** where Ansible finds the events callback, when not in the app's checkout */
  callbackDir?: string;
  /** the commit of a git project this run copied; "" for a folder project or an ad-hoc command */
  scmRevision: string;
};

const SEARCH_PATH = ["/usr/local/bin", "/usr/bin", "/bin"];

function findProgram(name: string): string | undefined {
  return SEARCH_PATH.map((d) => path.join(/*turbopackIgnore: true*/ d, name)).find((p) => fs.existsSync(p));
}

/**
 * The project as the job runs it: a copy in the job's directory (as AWX does), so a run
 * never sees the folder change under it, cannot change it for the next run, and the
 * sandbox needs to show nothing else. A git project is fetched first (AWX's "update on
 * launch"); a manual one is resolved again and must still be inside the projects root.
 */
async function copyProject(config: Config, isolation: Isolation, project: typeof projects.$inferSelect, to: string): Promise<string> {
  const copy = (from: string) => fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true, filter: (src) => path.basename(src) !== ".git" });
  if (project.scmType === "git") {
    const clone = gitCheckoutDir(config.dataDir, project.id);
    try {
      // copied before another job's sync of the same clone may move it: the copy is the revision returned
      return await syncGitCheckout(clone, project.scmUrl, project.scmBranch, { allowProtocol: config.gitAllowProtocol, isolation }, () => copy(clone));
    } catch (e) {
      throw new RunSetupError(`项目 “${project.name}” 同步失败：${(e as Error).message}`);
    }
  }
  const dir = project.localPath ? await resolveProjectDir(config.projectsRoot, project.localPath) : null;
  if (!dir) throw new RunSetupError(`项目 “${project.name}” 的目录 “${project.localPath}” 不存在，或不在项目根目录 ${config.projectsRoot} 之内。`);
  copy(dir);
  return "";
}

/** The credential with its secrets decrypted, or a setup error naming the likely cause. */
function openSecrets<C extends { name: string; password: string; sshKey: string; becomePassword: string }>(c: C, box: SecretBox): C {
  try {
    return { ...c, password: box.open(c.password), sshKey: box.open(c.sshKey), becomePassword: box.open(c.becomePassword) };
  } catch {
    throw new RunSetupError(`无法解密凭据 “${c.name}” 的密文：这个执行器的 SECRET_KEY（或 DATA_DIR/secret.key）与保存凭据时不同。`);
  }
}

function writePrivate(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, content, { mode: 0o600 });
}

/**
 * Resolves what the job points to as it is now, checks the run can start, and writes the
 * job's private directory (0700; inventory, extra vars and the project's copy). Secret
 * files go to the sandbox's tmpfs, or, without a sandbox, into 0600 files here.
 */
export async function prepareRun(db: Db, config: Config, job: JobRow, isolation: Isolation): Promise<PreparedRun> {
  if (isolation.mode === "unavailable") throw new RunSetupError(sandboxUnavailableMessage(isolation.reason));
  fs.mkdirSync(config.runDir, { recursive: true, mode: 0o700 });
  const dir = fs.mkdtempSync(path.join(config.runDir, `job-${job.id}-`));
  try {
    const run = await prepare(db, config, job, isolation, dir);
    const owner = isolation.mode === "sandbox" ? isolation.user : isolation.runAs;
    if (owner) chownTree(dir, owner);
    return run;
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

async function prepare(db: Db, config: Config, job: JobRow, isolation: Isolation, dir: string): Promise<PreparedRun> {
  // a row stored before the API checked it, or written around the API, never runs
  const limitProblem = hostPatternProblem(job.limit);
  if (limitProblem) throw new RunSetupError(`作业的 limit 无法运行：${limitProblem}`);
  const kind = job.kind === "adhoc" ? "adhoc" : "job";
  const program = kind === "adhoc" ? "ansible" : "ansible-playbook";
  if (!findProgram(program)) throw new RunSetupError(`找不到 ${program}：执行器所在机器没有安装 Ansible（ansible-core）。`);
  const sandboxed = isolation.mode === "sandbox";
  const root = sandboxed ? SANDBOX_JOB_DIR : dir;
  fs.chmodSync(dir, 0o700);
  for (const sub of ["tmp", "cp"]) fs.mkdirSync(path.join(/*turbopackIgnore: true*/ dir, sub), { mode: 0o700 });

  const projectDir = path.join(/*turbopackIgnore: true*/ dir, "project");
  let scmRevision = "";
  if (kind === "job") {
    const [project] = job.projectId ? await db.select().from(projects).where(eq(projects.id, job.projectId)) : [];
    if (!project) throw new RunSetupError(`项目 ${job.projectName ?? job.projectId ?? ""} 已不存在。`);
    scmRevision = await copyProject(config, isolation, project, projectDir);
    const playbook = path.resolve(projectDir, job.playbook);
    const real = fs.existsSync(playbook) ? fs.realpathSync(playbook) : "";
    if (!real || !real.startsWith(fs.realpathSync(projectDir) + path.sep) || !fs.statSync(real).isFile())
      throw new RunSetupError(`playbook “${job.playbook}” 在项目 “${project.name}” 中不存在。`);
  }

  const [credential] = job.credentialId ? await db.select().from(credentials).where(eq(credentials.id, job.credentialId)) : [];
  if (job.credentialId && !credential) throw new RunSetupError(`凭据 ${job.credentialName ?? job.credentialId} 已不存在。`);
  const [inventory] = !job.inventoryStr && job.inventoryId ? await db.select().from(inventories).where(eq(inventories.id, job.inventoryId)) : [];
  if (!job.inventoryStr && !inventory) throw new RunSetupError(`主机清单 ${job.inventoryName ?? job.inventoryId ?? ""} 已不存在。`);

  const here = jobFiles(dir);
  const inside = jobFiles(root);
  let inventorySource: string;
  if (job.inventoryStr) inventorySource = hostListSource(job.inventoryStr);
  else {
    inventorySource = path.join(root, "inventory", "hosts");
    writePrivate(path.join(dir, "inventory", "hosts"), inventory!.content + "\n");
    if (inventory!.variables.trim()) writePrivate(path.join(dir, "inventory", "group_vars", "all.yml"), inventory!.variables + "\n");
  }
  if (job.variables.trim()) writePrivate(here.extraVars, extraVarsFile(job.variables, mayRenderJinja(config.jinjaInVariables, job.variablesTrusted)));
  const c = credential && openSecrets(credential, secretBox(config));
  const secretFiles: PreparedRun["secretFiles"] = [];
  const secretFile = (file: keyof typeof here, content: string) => {
    if (sandboxed) secretFiles.push({ name: path.basename(inside[file]), content });
    else writePrivate(here[file], content);
  };
  if (c?.password) secretFile("connectionPassword", c.password);
  if (c?.sshKey) secretFile("sshKey", c.sshKey.replace(/\r\n/g, "\n").replace(/\n?$/, "\n"));
  if (c?.becomePassword) secretFile("becomePassword", c.becomePassword);

  const spec: RunSpec = {
    ...runSettingsOf(job),
    kind,
    projectDir: path.join(root, "project"),
    module: job.module,
    arguments: job.arguments,
    inventorySource,
    credential: {
      username: c?.username ?? "",
      hasPassword: Boolean(c?.password),
      hasSshKey: Boolean(c?.sshKey),
      becomeMethod: c?.becomeMethod ?? "",
      becomeUser: c?.becomeUser ?? "",
      hasBecomePassword: Boolean(c?.becomePassword),
    },
  };
  const { args } = buildCommand(spec, inside);
  const secrets = [c?.password, c?.sshKey, c?.becomePassword].filter((s): s is string => Boolean(s));
  // the app's own checkout is not in the sandbox (nor readable by ANSIBLE_RUN_AS): the callback goes with the job
  const callbackDir = sandboxed || (isolation.mode === "off" && isolation.runAs) ? path.join(root, path.basename(copyCallbackPlugins(dir))) : undefined;
  const mounts: SandboxMount[] = sandboxed ? [{ from: dir, to: SANDBOX_JOB_DIR, writable: true }] : [];
  return { dir, root, program, args, secrets, secretFiles, callbackDir, mounts, cwd: kind === "job" ? spec.projectDir : root, scmRevision };
}
