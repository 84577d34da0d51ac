import path from "node:path";
import type { RunSettings } from "@/lib/contracts/job";

/** What a run needs to know, resolved from the job (its run options as the contract lists them) and the objects it references now. */
export type RunSpec = RunSettings & {
  kind: "job" | "adhoc";
  projectDir: string;
  module: string;
  arguments: string;
  /** `-i` source: a file in the job's directory, or a comma host list */
  inventorySource: string;
  credential: {
    username: string;
    hasPassword: boolean;
    hasSshKey: boolean;
    becomeMethod: string;
    becomeUser: string;
    hasBecomePassword: boolean;
  };
};

/** Files of the job's private directory that the command refers to. */
export type JobFiles = {
  extraVars: string;
  connectionPassword: string;
  sshKey: string;
  becomePassword: string;
};

export function jobFiles(dir: string): JobFiles {
  return {
    extraVars: path.join(dir, "extra-vars.yml"),
    connectionPassword: path.join(dir, "secrets", "connection-password"),
    sshKey: path.join(dir, "secrets", "ssh-key"),
    becomePassword: path.join(dir, "secrets", "become-password"),
  };
}

/**
 * The argv of a run, as ansible.md maps each job option to a flag. Never a shell string:
 * every value is its own argument, and secrets are only ever file paths.
 */
export function buildCommand(spec: RunSpec, files: JobFiles): { program: string; args: string[] } {
  const common: string[] = ["-i", spec.inventorySource];
  if (spec.jobType === "check") common.push("--check");
  if (spec.forks > 0) common.push("--forks", String(spec.forks));
  if (spec.verbosity > 0) common.push(`-${"v".repeat(Math.min(spec.verbosity, 4))}`);
  if (spec.variables.trim()) common.push("--extra-vars", `@${files.extraVars}`);
  if (spec.diffMode) common.push("--diff");
  const c = spec.credential;
  if (c.username) common.push("--user", c.username);
  if (c.hasPassword) common.push("--connection-password-file", files.connectionPassword);
  if (c.hasSshKey) common.push("--private-key", files.sshKey);
  if (spec.becomeEnabled) {
    common.push("--become");
    if (c.becomeMethod) common.push("--become-method", c.becomeMethod);
    if (c.becomeUser) common.push("--become-user", c.becomeUser);
    if (c.hasBecomePassword) common.push("--become-password-file", files.becomePassword);
  }

  if (spec.kind === "adhoc") {
    const args = [...common, "-m", spec.module];
    if (spec.arguments) args.push("-a", spec.arguments);
    // the host pattern after `--`: never read as an option, whatever it starts with
    args.push("--", spec.limit || "all");
    return { program: "ansible", args };
  }
  const args = [...common];
  if (spec.limit) args.push("--limit", spec.limit);
  if (spec.tags) args.push("--tags", spec.tags);
  if (spec.skipTags) args.push("--skip-tags", spec.skipTags);
  if (spec.forceHandlers) args.push("--force-handlers");
  if (spec.startAtTask) args.push("--start-at-task", spec.startAtTask);
  args.push("--", spec.playbook);
  return { program: "ansible-playbook", args };
}

/** `h1, h2\nh3` → `h1,h2,h3,` (the trailing comma makes Ansible read a host list, even of one). */
export function hostListSource(inventoryStr: string): string {
  const hosts = inventoryStr.split(/[\s,]+/).filter(Boolean);
  return hosts.join(",") + ",";
}
