import fs from "node:fs";
import path from "node:path";

const CALLBACK_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "executor", "ansible", "callback_plugins");
const SAFE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/**
 * The whole environment of an Ansible run, built from nothing: the server's own variables
 * (database URL, keys, tokens) are never inherited, because a playbook can read its
 * environment (`lookup('env')`, `lookup('pipe', 'env')` run on the server).
 */
export function ansibleEnv(jobDir: string, callbackDir: string = CALLBACK_DIR): Record<string, string> {
  return {
    PATH: SAFE_PATH,
    HOME: jobDir,
    LANG: "C.UTF-8",
    LC_ALL: "C.UTF-8",
    PYTHONUNBUFFERED: "1",
    PYTHONDONTWRITEBYTECODE: "1",
    ANSIBLE_FORCE_COLOR: "1",
    ANSIBLE_RETRY_FILES_ENABLED: "False",
    ANSIBLE_LOCAL_TEMP: path.join(jobDir, "tmp"),
    ANSIBLE_SSH_CONTROL_PATH_DIR: path.join(jobDir, "cp"),
    ANSIBLE_SSH_COMMON_ARGS: `-o UserKnownHostsFile=${path.join(jobDir, "known_hosts")}`,
    // each run starts with an empty known_hosts: there is nothing to check a new key against
    ANSIBLE_HOST_KEY_CHECKING: "False",
    ANSIBLE_INVENTORY_UNPARSED_FAILED: "True",
    ANSIBLE_CALLBACK_PLUGINS: callbackDir,
    ANSIBLE_CALLBACKS_ENABLED: "zuoye_events",
    ANSIBLE_LOAD_CALLBACK_PLUGINS: "1",
    ANSIBLE_NOCOWS: "1",
    ZUOYE_EVENTS_FD: "3",
  };
}

/** A copy of the events callback inside a job's directory, for a run-as user who may not reach the checkout. */
export function copyCallbackPlugins(jobDir: string): string {
  const to = path.join(jobDir, "callback_plugins");
  fs.cpSync(CALLBACK_DIR, to, { recursive: true });
  return to;
}
