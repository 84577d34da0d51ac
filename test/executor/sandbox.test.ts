import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { jobs } from "@/db/schema";
import { startExecutor, type Executor } from "@/executor/start-executor";
import { secretBox } from "@/core/crypto/secret-box";
import { resolveIsolation } from "@/core/sandbox/isolation";
import { api, ctx } from "../api";
import { makeLocalInventory, makeProject, outputOf, processesWith, waitForState, launchJob } from "./helpers";
import { filesContaining } from "./secret-scan";

/**
 * Every job runs in a bubblewrap sandbox: a playbook running commands on the controller
 * sees /usr, /etc and its own directory, runs as an unprivileged user, and everything it
 * starts dies with it. Without the sandbox every read below succeeds (rc=0) and the
 * escaped processes live on, so each check fails if the sandbox is lost.
 */
const PLAY = (tasks: string) => `- hosts: all\n  gather_facts: false\n  tasks:\n${tasks}`;
const probe = (name: string, cmd: string) => `    - ansible.builtin.shell: ${JSON.stringify(cmd)}\n      register: ${name}\n      failed_when: false\n`;

const PROBE = PLAY(
  probe("own", "cat $HOME/project/probe.yml > /dev/null") +
    probe("key", "cat {{ key_file }} > /dev/null") +
    probe("environ", "cat /proc/{{ exec_pid }}/environ > /dev/null") +
    probe("datadir", "ls {{ data_dir }} > /dev/null") +
    probe("runs", "ls {{ run_dir }} > /dev/null") +
    probe("db", "ls {{ db_dir }} > /dev/null") +
    probe("app", "cat {{ app_file }} > /dev/null") +
    probe("usr", "touch /usr/zuoye-probe") +
    probe("sysctl", "test -w /proc/sys/kernel/core_pattern") +
    probe("sudo", "sudo -n true") +
    probe("root", "ls /root") +
    probe("ps", "ps -eo comm= | wc -l") +
    probe("who", "id -u") +
    `    - ansible.builtin.debug:\n        msg: "own_rc={{ own.rc }} key_rc={{ key.rc }} environ_rc={{ environ.rc }} datadir_rc={{ datadir.rc }} runs_rc={{ runs.rc }} db_rc={{ db.rc }} app_rc={{ app.rc }} usr_rc={{ usr.rc }} sysctl_rc={{ sysctl.rc }} sudo_rc={{ sudo.rc }} root_rc={{ root.rc }} procs={{ ps.stdout }} uid={{ who.stdout }}"\n`,
);

let executor: Executor;
let refs: { project: number; inventory: number; credential: number };

beforeAll(async () => {
  const c = await ctx();
  if (resolveIsolation(c.config).mode !== "sandbox")
    throw new Error("bubblewrap must work on the test machine (scripts/install-system-packages.sh installs it)");
  secretBox(c.config); // makes $DATA_DIR/secret.key
  const project = await makeProject("sandbox", {
    "probe.yml": PROBE,
    "escape.yml": PLAY(
      "    - ansible.builtin.command: setsid -f sleep 71.1111\n" +
        "    - ansible.builtin.command: sleep 72.2222\n      async: 300\n      poll: 0\n" +
        "    - ansible.builtin.shell: (sleep 76.6666 &) ; echo started\n" +
        "    - ansible.builtin.command: sleep 73.3333\n",
    ),
    "leave.yml": PLAY(
      "    - ansible.builtin.command: setsid -f sleep 74.4444\n" + "    - ansible.builtin.command: sleep 75.5555\n      async: 300\n      poll: 0\n",
    ),
    "secret-files.yml": PLAY(
      "    - ansible.builtin.shell: test -s $HOME/secrets/connection-password && test -s $HOME/secrets/become-password && echo secret-files-present\n      register: present\n" +
        '    - ansible.builtin.debug: { msg: "{{ present.stdout }}" }\n' +
        "    - ansible.builtin.command: sleep 77.7777\n",
    ),
  });
  const inventory = await makeLocalInventory();
  // through the API: stored encrypted, so the only plaintext could come from the job
  const credential = await api("POST", "/api/job/credential/", {
    json: { name: "沙箱", password: "Sandbox-Pass-31337", become_password: "Sandbox-Become-4242" },
  });
  expect(credential.status).toBe(201);
  refs = { project: project.id, inventory: inventory.id, credential: credential.body.id };
  executor = await startExecutor(c.database, { ...c.config, workerCapacity: 2, workerId: "sandbox-worker" });
}, 60_000);

afterAll(async () => {
  await executor?.stop();
});

const launch = (body: Record<string, unknown>) => launchJob(refs, body);

async function waitFor(what: () => boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!what()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("the job sandbox", () => {
  it("shows a playbook nothing of the server: no data directory, key, database, processes or app", async () => {
    const { config } = await ctx();
    const vars = {
      key_file: path.join(config.dataDir, "secret.key"),
      exec_pid: process.pid,
      data_dir: config.dataDir,
      run_dir: config.runDir,
      db_dir: config.databaseUrl ? config.dataDir : config.pgliteDir,
      app_file: path.join(process.cwd(), "package.json"),
    };
    const id = await launch({ playbook: "probe.yml", variables: JSON.stringify(vars) });
    const job = await waitForState(id);
    const out = (await outputOf(id)).join("\n");
    expect(job.state, out).toBe("successful");
    const rc = (name: string) => Number(new RegExp(`${name}_rc=(\\d+)`).exec(out)?.[1]);
    expect(rc("own"), out).toBe(0); // the probe itself works: its own files are there
    for (const name of ["key", "environ", "datadir", "runs", "db", "app", "usr", "sysctl", "sudo", "root"]) {
      expect(rc(name), `${name}\n${out}`).toBeGreaterThan(0);
    }
    // its own PID namespace: bwrap's init, the shell, Ansible's module, ps, wc — not the host's hundreds
    expect(Number(/procs=(\d+)/.exec(out)?.[1])).toBeLessThan(15);
    // the executor runs as root: the job does not
    expect(process.getuid?.()).toBe(0);
    expect(/uid=(\d+)/.exec(out)?.[1]).toBe("65534");
  });

  it("leaves no process when a job ends: setsid children and local async tasks die with it", async () => {
    const id = await launch({ playbook: "leave.yml" });
    const job = await waitForState(id);
    expect(job.state, (await outputOf(id)).join("\n")).toBe("successful");
    expect(processesWith("74.4444")).toEqual([]);
    expect(processesWith("75.5555")).toEqual([]);
  });

  it("leaves no process when a job is canceled, however its children escaped the process group", async () => {
    const id = await launch({ playbook: "escape.yml" });
    await waitFor(() => processesWith("73.3333").length > 0);
    // they run (outside Ansible's process group: setsid, async, a double fork)
    for (const marker of ["71.1111", "72.2222", "76.6666"]) expect(processesWith(marker).length, marker).toBeGreaterThan(0);
    const { db } = await ctx();
    await db.update(jobs).set({ cancelRequested: true }).where(eq(jobs.id, id));
    const job = await waitForState(id, ["canceled", "successful", "failed", "error"], 20_000);
    expect(job.state).toBe("canceled");
    for (const marker of ["71.1111", "72.2222", "73.3333", "76.6666"]) expect(processesWith(marker), marker).toEqual([]);
  });

  it("gives the job its secret files on a tmpfs: never on the disk, not even while it runs", async () => {
    const { config, db } = await ctx();
    const since = Date.now();
    const id = await launch({ playbook: "secret-files.yml" });
    await waitFor(() => processesWith("77.7777").length > 0);
    const jobDirs = fs.readdirSync(config.runDir).filter((d) => d.startsWith(`job-${id}-`));
    expect(jobDirs).toHaveLength(1);
    const onDisk = filesContaining(config.dataDir, { password: "Sandbox-Pass-31337", become: "Sandbox-Become-4242" }, { since });
    expect(onDisk.files).toBeGreaterThan(0); // the job's inventory and project copy were searched
    expect(onDisk.found).toEqual([]);
    await db.update(jobs).set({ cancelRequested: true }).where(eq(jobs.id, id));
    await waitForState(id);
    expect((await outputOf(id)).join("\n")).toContain("secret-files-present");
    expect(fs.readdirSync(config.runDir).filter((d) => d.startsWith(`job-${id}-`))).toEqual([]);
  });
});
