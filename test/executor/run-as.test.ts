import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { inventories, jobEvents } from "@/db/schema";
import { nowSeconds } from "@/lib/time";
import { startExecutor, type Executor } from "@/executor/start-executor";
import { resolveRunAs } from "@/core/sandbox/isolation";
import { secretBox } from "@/core/crypto/secret-box";
import { api, ctx } from "../api";
import { makeCredential, makeLocalInventory, makeProject, outputOf, waitForState } from "./helpers";
import { startTestSshd, type TestSshd } from "./sshd";

/**
 * ANSIBLE_RUN_AS: a playbook running commands on the controller cannot read what the
 * executor's user can. Without the setting every read below succeeds (rc=0), so each
 * `rc=` check fails if Ansible runs as the executor's user again.
 */
const PROBE = `- hosts: all
  gather_facts: false
  tasks:
    - ansible.builtin.command: id -un
      register: who
    - ansible.builtin.debug: { msg: "whoami={{ who.stdout }}" }
    - ansible.builtin.shell: cat /proc/{{ exec_pid }}/environ > /dev/null
      register: environ
      failed_when: false
    - ansible.builtin.shell: cat {{ key_file }} > /dev/null
      register: key
      failed_when: false
    - ansible.builtin.shell: ls {{ run_dir }} > /dev/null
      register: runs
      failed_when: false
    - ansible.builtin.shell: ls {{ db_dir }} > /dev/null
      register: dbfiles
      failed_when: false
    - ansible.builtin.debug:
        msg: "environ_rc={{ environ.rc }} key_rc={{ key.rc }} runs_rc={{ runs.rc }} db_rc={{ dbfiles.rc }}"
`;

let executor: Executor;
let sshd: TestSshd;
let user: string;
let refs: { project: number; inventory: number; credential: number };

beforeAll(async () => {
  if (process.getuid?.() !== 0) throw new Error("ANSIBLE_RUN_AS needs root: the test suite must run as root (scripts/test.sh says so)");
  user = `zyrun${Math.random().toString(36).slice(2, 7)}`;
  // with a home: Ansible keeps its temporary files of localhost tasks in ~/.ansible/tmp
  execFileSync("useradd", ["-m", "-s", "/usr/sbin/nologin", user]);
  const c = await ctx();
  secretBox(c.config); // makes $DATA_DIR/secret.key
  sshd = await startTestSshd();
  const project = await makeProject("probe", {
    "probe.yml": PROBE,
    "whoami.yml":
      '- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.command: whoami\n      register: who\n    - ansible.builtin.debug: { msg: "I am {{ who.stdout }}" }\n',
  });
  refs = {
    project: project.id,
    inventory: (await makeLocalInventory()).id,
    credential: (await makeCredential({ password: "run-as-secret-Pw1" })).id,
  };
}, 60_000);

afterAll(async () => {
  await sshd?.stop();
  if (user) execFileSync("userdel", ["-r", "-f", user], { stdio: "ignore" });
});

/** In the sandbox (the default) the user is who jobs run as; with SANDBOX=off it is the only wall. */
describe.each(["on", "off"] as const)("ANSIBLE_RUN_AS with SANDBOX=%s", (sandbox) => {
  beforeAll(async () => {
    const c = await ctx();
    executor = await startExecutor(c.database, { ...c.config, workerCapacity: 1, workerId: `run-as-${sandbox}`, ansibleRunAs: user, sandbox });
  }, 60_000);

  afterAll(async () => {
    await executor?.stop();
  });

  it("runs Ansible as that user, which can read none of the executor's secrets but the job still works", async () => {
    const { config } = await ctx();
    const vars = {
      exec_pid: process.pid,
      key_file: path.join(config.dataDir, "secret.key"),
      run_dir: config.runDir,
      db_dir: config.databaseUrl ? "/proc/1/root" : config.pgliteDir,
    };
    const r = await api("POST", "/api/job/job/", { json: { ...refs, playbook: "probe.yml", variables: JSON.stringify(vars) } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const job = await waitForState(r.body.id);
    const out = (await outputOf(job.id)).join("\n");
    expect(job.state, out).toBe("successful");
    expect(out).toContain(`whoami=${user}`);
    expect(out).toMatch(/environ_rc=1 key_rc=1 runs_rc=[12] db_rc=[12]/);
    // the events callback was found though the checkout may be out of the user's reach
    const { db } = await ctx();
    const { n } = (await db.select({ n: count() }).from(jobEvents).where(eq(jobEvents.jobId, job.id)))[0]!;
    expect(n).toBeGreaterThan(3);
    expect(fs.readdirSync(config.runDir)).toEqual([]);
  });

  it("logs in over SSH with the job's password and key files, which the run-as user can read", async () => {
    const { db, config } = await ctx();
    const content = `[targets]\ntarget ansible_host=127.0.0.1 ansible_port=${sshd.port} ansible_python_interpreter=/usr/bin/python3\n`;
    const [inv] = await db
      .insert(inventories)
      .values({ name: "ssh", content, hosts: ["target"], ctime: nowSeconds() })
      .returning();
    for (const secret of [{ password: sshd.password }, { sshKey: sshd.privateKey }]) {
      const credential = (await makeCredential({ username: sshd.user, ...secret })).id;
      const r = await api("POST", "/api/job/job/", { json: { project: refs.project, playbook: "whoami.yml", inventory: inv!.id, credential } });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      const job = await waitForState(r.body.id);
      const out = (await outputOf(job.id)).join("\n");
      expect(job.state, out).toBe("successful");
      expect(out).toContain(`I am ${sshd.user}`);
    }
    expect(fs.readdirSync(config.runDir)).toEqual([]);
  });

  it("refuses to start with a user that does not exist, or with root", () => {
    expect(() => resolveRunAs({ ansibleRunAs: "no-such-user-zuoye" })).toThrow(/no such user/);
    expect(() => resolveRunAs({ ansibleRunAs: "root" })).toThrow(/unprivileged/);
    expect(resolveRunAs({ ansibleRunAs: undefined })).toBeUndefined();
  });
});
