import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { credentials, inventories, projects, type jobs } from "@/db/schema";
import { hostPatternProblem } from "@/lib/inventory/host-pattern";
import type { Config } from "@/server/config";
import { secretBox, type SecretBox } from "@/server/crypto/secret-box";
import { gitCheckoutDir, syncGitCheckout } from "@/server/projects/git-checkout";
import { buildCommand, hostListSource, jobFiles, type RunSpec } from "./build-command";
import { copyCallbackPlugins } from "./ansible-env";
import { extraVarsFile, mayRenderJinja } from "./extra-vars";
import { chownTree, type RunAs } from "./run-as";

type JobRow = typeof jobs.$inferSelect;

/** A run that cannot start; the reason is printed in the job's output and the job ends `error`. */
export class RunSetupError extends Error {}

export type PreparedRun = {
  dir: string;
  cwd: string;
  program: string;
  args: string[];
  secrets: string[];
  cleanup: string[];
  /** where Ansible finds the events callback, when not in the checkout (ANSIBLE_RUN_AS) */
  callbackDir?: string;
};

const SEARCH_PATH = ["/usr/local/bin", "/usr/bin", "/bin"];

function findProgram(name: string): string | undefined {
  return SEARCH_PATH.map((d) => path.join(/*turbopackIgnore: true*/ d, name)).find((p) => fs.existsSync(p));
}

/**
 * A git project runs from a copy of a fresh checkout (fetched on every launch, as AWX's
 * "update on launch"), so two runs never see the clone change under them.
 */
async function checkoutForRun(config: Config, project: typeof projects.$inferSelect, jobId: number): Promise<string> {
  const clone = gitCheckoutDir(config.dataDir, project.id);
  try {
    await syncGitCheckout(clone, project.scmUrl, project.scmBranch, { allowProtocol: config.gitAllowProtocol });
  } catch (e) {
    throw new RunSetupError(`项目 “${project.name}” 同步失败：${(e as Error).message}`);
  }
  fs.mkdirSync(config.runDir, { recursive: true, mode: 0o700 });
  const copy = fs.mkdtempSync(path.join(config.runDir, `project-${jobId}-`));
  fs.cpSync(clone, copy, { recursive: true, filter: (src) => path.basename(src) !== ".git" });
  return copy;
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
 * job's private directory (0700; secrets, inventory and extra vars in 0600 files).
 */
export async function prepareRun(db: Db, config: Config, job: JobRow, runAs?: RunAs): Promise<PreparedRun> {
  const made: string[] = [];
  try {
    const run = await prepare(db, config, job, made);
    if (runAs) {
      // the run-as user may not reach this checkout: the callback goes with the job
      run.callbackDir = copyCallbackPlugins(run.dir);
      for (const d of made) chownTree(d, runAs);
    }
    return run;
  } catch (e) {
    for (const d of made) fs.rmSync(d, { recursive: true, force: true });
    throw e;
  }
}

async function prepare(db: Db, config: Config, job: JobRow, made: string[]): Promise<PreparedRun> {
  // a row stored before the API checked it, or written around the API, never runs
  const limitProblem = hostPatternProblem(job.limit);
  if (limitProblem) throw new RunSetupError(`作业的 limit 无法运行：${limitProblem}`);
  const kind = job.kind === "adhoc" ? "adhoc" : "job";
  const program = kind === "adhoc" ? "ansible" : "ansible-playbook";
  if (!findProgram(program)) throw new RunSetupError(`找不到 ${program}：执行器所在机器没有安装 Ansible（ansible-core）。`);

  let projectDir = config.runDir;
  let project: typeof projects.$inferSelect | undefined;
  if (kind === "job") {
    [project] = job.projectId ? await db.select().from(projects).where(eq(projects.id, job.projectId)) : [];
    if (!project) throw new RunSetupError(`项目 ${job.projectName ?? job.projectId ?? ""} 已不存在。`);
    if (project.scmType === "git") made.push((projectDir = await checkoutForRun(config, project, job.id)));
    else if (project.localPath) projectDir = path.resolve(config.projectsRoot, project.localPath);
    else throw new RunSetupError(`项目 “${project.name}” 没有目录，无法运行。`);
    const playbook = path.resolve(projectDir, job.playbook);
    const real = fs.existsSync(playbook) ? fs.realpathSync(playbook) : "";
    const realRoot = fs.existsSync(projectDir) ? fs.realpathSync(projectDir) : projectDir;
    if (!real || !real.startsWith(realRoot + path.sep) || !fs.statSync(real).isFile())
      throw new RunSetupError(`playbook “${job.playbook}” 在项目 “${project.name}” 中不存在。`);
  }

  const [credential] = job.credentialId ? await db.select().from(credentials).where(eq(credentials.id, job.credentialId)) : [];
  if (job.credentialId && !credential) throw new RunSetupError(`凭据 ${job.credentialName ?? job.credentialId} 已不存在。`);
  const [inventory] = !job.inventoryStr && job.inventoryId ? await db.select().from(inventories).where(eq(inventories.id, job.inventoryId)) : [];
  if (!job.inventoryStr && !inventory) throw new RunSetupError(`主机清单 ${job.inventoryName ?? job.inventoryId ?? ""} 已不存在。`);

  fs.mkdirSync(config.runDir, { recursive: true, mode: 0o700 });
  const dir = fs.mkdtempSync(path.join(config.runDir, `job-${job.id}-`));
  made.push(dir);
  fs.chmodSync(dir, 0o700);
  for (const sub of ["tmp", "cp"]) fs.mkdirSync(path.join(/*turbopackIgnore: true*/ dir, sub), { mode: 0o700 });
  const files = jobFiles(dir);

  let inventorySource: string;
  if (job.inventoryStr) inventorySource = hostListSource(job.inventoryStr);
  else {
    inventorySource = path.join(dir, "inventory", "hosts");
    writePrivate(inventorySource, inventory!.content + "\n");
    if (inventory!.variables.trim()) writePrivate(path.join(dir, "inventory", "group_vars", "all.yml"), inventory!.variables + "\n");
  }
  if (job.variables.trim()) writePrivate(files.extraVars, extraVarsFile(job.variables, mayRenderJinja(config.jinjaInVariables, job.variablesTrusted)));
  const c = credential && openSecrets(credential, secretBox(config));
  if (c?.password) writePrivate(files.connectionPassword, c.password);
  if (c?.sshKey) writePrivate(files.sshKey, c.sshKey.replace(/\r\n/g, "\n").replace(/\n?$/, "\n"));
  if (c?.becomePassword) writePrivate(files.becomePassword, c.becomePassword);

  const spec: RunSpec = {
    kind, projectDir, playbook: job.playbook, module: job.module, arguments: job.arguments, jobType: job.jobType,
    forks: job.forks, limit: job.limit, tags: job.tags, skipTags: job.skipTags, verbosity: job.verbosity,
    variables: job.variables, becomeEnabled: job.becomeEnabled === 1, diffMode: job.diffMode === 1,
    forceHandlers: job.forceHandlers === 1, startAtTask: job.startAtTask, inventorySource,
    credential: {
      username: c?.username ?? "", hasPassword: Boolean(c?.password), hasSshKey: Boolean(c?.sshKey),
      becomeMethod: c?.becomeMethod ?? "", becomeUser: c?.becomeUser ?? "", hasBecomePassword: Boolean(c?.becomePassword),
    },
  };
  const { args } = buildCommand(spec, files);
  const secrets = [c?.password, c?.sshKey, c?.becomePassword].filter((s): s is string => Boolean(s));
  const cleanup = project?.scmType === "git" ? [projectDir] : [];
  return { dir, cwd: kind === "job" ? projectDir : dir, program, args, secrets, cleanup };
}
