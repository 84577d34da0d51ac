import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { inventories } from "@/db/schema";
import { nowSeconds } from "@/lib/time";
import { startExecutor, type Executor } from "@/executor/start-executor";
import { api, ctx } from "../api";
import { makeProject, waitForState } from "./helpers";
import { captureLogs, filesContaining, secretsIn, tablesContaining } from "./secret-scan";
import { startTestSshd, type TestSshd } from "./sshd";

/**
 * Issue 5: after a real run over SSH at verbosity 4 of a playbook that tries to print the
 * credential's passwords, they appear nowhere — not in any API answer, not in any row of
 * any table, not in what the server logged, not on disk. The SSH password logs in to a
 * loopback sshd; the become password is that of a second user the first becomes with
 * `su`, so each is really used and each is different.
 */
const MASK = "********";
const rand = () => crypto.randomBytes(9).toString("base64url");

const SECRETS_YML = `- hosts: all
  gather_facts: false
  vars:
    secret_dir: "{{ lookup('env', 'HOME') }}/secrets"
  tasks:
    - name: who am I
      ansible.builtin.command: whoami
      register: who
    - ansible.builtin.debug: { msg: "I am {{ who.stdout }}" }
    - ansible.builtin.debug: { var: ansible_password }
    - ansible.builtin.debug: { var: ansible_become_password }
    - name: print the ssh password
      ansible.builtin.debug: { msg: "{{ ansible_password }}" }
    - name: echo the ssh password
      ansible.builtin.command: { argv: [echo, "{{ ansible_password }}"] }
    - name: read the secret files of the job
      ansible.builtin.debug:
        msg: "conn={{ lookup('file', secret_dir + '/connection-password') }} become={{ lookup('file', secret_dir + '/become-password') }}"
    - name: print it inside a list (Python's repr)
      ansible.builtin.debug: { msg: "list={{ [ansible_password] }}" }
    - name: print it where the event's excerpt of the output ends
      ansible.builtin.command: { argv: [printf, "%s", "{{ 'x' * 1990 }}{{ ansible_password }}"] }
    - name: print the environment
      ansible.builtin.debug:
        msg: "env={{ lookup('env', 'ANSIBLE_PASSWORD', 'SSHPASS', 'ANSIBLE_BECOME_PASS', default='-') }} pipe={{ lookup('pipe', 'env') }}"
    - name: a failing command that prints the become password
      ansible.builtin.command: { argv: [sh, -c, 'echo "stderr $1" >&2; exit 3', sh, "{{ lookup('file', secret_dir + '/become-password') }}"] }
      ignore_errors: true
    - name: fail with the password in the error
      ansible.builtin.fail: { msg: "could not log in with {{ ansible_password }}" }
`;

let sshd: TestSshd;
let becomeUser: string;
let executor: Executor;
let project: number;
let inventory: number;
const since = Date.now();

const run = (cmd: string, args: string[], input?: string) => execFileSync(cmd, args, { input, stdio: ["pipe", "pipe", "pipe"] }).toString();

beforeAll(async () => {
  sshd = await startTestSshd();
  becomeUser = `zb${Math.random().toString(36).slice(2, 8)}`;
  run("useradd", ["-m", "-s", "/bin/bash", becomeUser]);
  project = (await makeProject("secrets", { "secrets.yml": SECRETS_YML })).id;
  const c = await ctx();
  // the ssh user's temporary files must be readable by the user it becomes (no setfacl here)
  const content = `[targets]\ntarget ansible_host=127.0.0.1 ansible_port=${sshd.port} ansible_python_interpreter=/usr/bin/python3 ansible_shell_allow_world_readable_temp=true\n`;
  inventory = (
    await c.db
      .insert(inventories)
      .values({ name: "sshd", content, hosts: ["target"], ctime: nowSeconds() })
      .returning()
  )[0]!.id;
  executor = await startExecutor(c.database, { ...c.config, workerCapacity: 1, workerId: "secrets-worker" });
}, 60_000);

afterAll(async () => {
  await executor?.stop();
  await sshd?.stop();
  if (becomeUser) {
    try {
      run("pkill", ["-KILL", "-u", becomeUser]);
    } catch {
      /* no process left */
    }
    try {
      run("userdel", ["-r", "-f", becomeUser]);
    } catch {
      /* already gone */
    }
  }
});

/** Sets the two users' passwords, runs the playbook with a credential holding them, and returns what to look at. */
async function runWith(passwords: { ssh: string; become: string }) {
  run("chpasswd", [], `${sshd.user}:${passwords.ssh}\n${becomeUser}:${passwords.become}\n`);
  const created = await api("POST", "/api/job/credential/", {
    json: {
      name: `secrets-${rand()}`,
      username: sshd.user,
      password: passwords.ssh,
      become_method: "su",
      become_user: becomeUser,
      become_password: passwords.become,
    },
  });
  expect(created.status).toBe(201);
  const r = await api("POST", "/api/job/job/", {
    json: { project, playbook: "secrets.yml", inventory, credential: created.body.id, verbosity: 4, become_enabled: 1 },
  });
  expect(r.status).toBe(201);
  const job = await waitForState(r.body.id, undefined, 120_000);
  return { id: job.id as number, state: job.state, credential: created.body.id as number, created: created.text };
}

/** Every answer the API gives about the job and its credential, by what was asked. */
async function apiAnswers(id: number, credential: number): Promise<Record<string, string>> {
  const answers: Record<string, string> = {};
  const paths = [
    `/api/job/job/${id}/`,
    "/api/job/job/?limit=1000",
    `/api/job/job/?search=secrets`,
    `/api/job/job/${id}/lines/?start=1&limit=5000`,
    `/api/job/job/${id}/events/?limit=1000`,
    `/api/job/job/${id}/hosts/`,
    `/api/job/job/${id}/stdout/?format=txt`,
    `/api/job/job/${id}/stdout/?format=ansi`,
    `/api/job/job/${id}/stdout/?format=json`,
    `/api/job/job/${id}/stdout/?format=txt&download=1`,
    `/api/job/credential/${credential}/`,
    "/api/job/credential/",
  ];
  for (const p of paths) {
    const r = await api("GET", p);
    expect(r.status, p).toBe(200);
    answers[p] = r.text;
  }
  const stream = await api("GET", `/api/job/job/${id}/stream/`, { stream: true });
  expect(stream.status).toBe(200);
  answers.stream = await stream.response!.text(); // a finished job's stream ends by itself
  return answers;
}

/** The run printed each password somewhere: it must show as the mask there, and nowhere as itself. */
async function expectNowhere(id: number, credential: number, passwords: Record<string, string>, logs: string, created: string) {
  // and no start of one either: an excerpt cut in the middle of a password must not keep its first part
  const secrets = { ...passwords };
  for (const [name, value] of Object.entries(passwords)) secrets[`start of the ${name}`] = [...value].slice(0, 10).join("");
  // Findings name where a secret was found, never the secret itself (an assertion message would print it).
  const answers = await apiAnswers(id, credential);
  answers["POST /api/job/credential/"] = created;
  const inApi = Object.entries(answers).flatMap(([p, text]) => secretsIn(text, secrets).map((s) => `${p}: ${s}`));
  expect(inApi).toEqual([]);
  // masking kept the lines and replaced the passwords; it did not drop what surrounds them
  const out = answers[`/api/job/job/${id}/stdout/?format=txt`];
  expect(out).toContain(`I am ${becomeUser}`);
  expect(out).toContain(`"msg": "${MASK}"`);
  expect(out).toContain(`conn=${MASK} become=${MASK}`);
  expect(out).toContain(`stderr ${MASK}`);
  expect(out).toContain(`could not log in with ${MASK}`);
  expect(out).toContain(`list=['${MASK}']`);
  expect(out).toContain("env=");
  expect(out).toContain("PLAY RECAP");
  expect(answers[`/api/job/job/${id}/events/?limit=1000`]).toContain(MASK);
  expect(answers.stream).toContain(MASK);

  const { db, config } = await ctx();
  const tables = await tablesContaining(db, secrets);
  expect(tables.tables).toBeGreaterThan(10);
  expect(tables.found).toEqual([]);

  expect(secretsIn(logs, secrets)).toEqual([]);

  // The job's private directory held the passwords while it ran; it is gone.
  expect(fs.readdirSync(config.runDir).filter((d) => d.startsWith(`job-${id}-`))).toEqual([]);
  // Everything in DATA_DIR, the embedded database's files included (raw bytes, after a
  // checkpoint: this finds deleted rows too, in the WAL and in pages; a value PostgreSQL
  // stored compressed is left to the table search above). With PostgreSQL
  // (TEST_DATABASE_URL) the database's files are the server's, elsewhere: the on-disk
  // check covers DATA_DIR only, and the table search stands for the database.
  if (!config.databaseUrl) await db.execute(sql`checkpoint`);
  const data = filesContaining(config.dataDir, secrets);
  expect(data.files).toBeGreaterThan(0);
  expect(data.found).toEqual([]);
  // Files anyone wrote to the temporary directory while this test ran (not the
  // tool's own job logs there).
  const tmp = filesContaining(os.tmpdir(), secrets, { since, skip: (name) => /^bash_(jobs|tool)/.test(name) });
  expect(tmp.found).toEqual([]);
}

describe("a credential's passwords after a real run over SSH at verbosity 4", () => {
  it("appear nowhere: API, database, server logs, disk; the output shows the mask where they were printed", async () => {
    const secrets = { "ssh password": `Ssh-${rand()}-pw`, "become password": `Bec-${rand()}-pw` };
    const logs = captureLogs();
    let result;
    try {
      result = await runWith({ ssh: secrets["ssh password"], become: secrets["become password"] });
    } finally {
      logs.stop();
    }
    expect(result.state).toBe("failed"); // the last task fails on purpose
    await expectNowhere(result.id, result.credential, secrets, logs.text(), result.created);
  }, 180_000);

  it("appear nowhere either when Ansible prints them escaped (quotes, backslashes, non-ASCII)", async () => {
    const secrets = { "ssh password": `Q"${rand()}\\n'密码`, "become password": `R\\"${rand()}'密` };
    const logs = captureLogs();
    let result;
    try {
      result = await runWith({ ssh: secrets["ssh password"], become: secrets["become password"] });
    } finally {
      logs.stop();
    }
    expect(result.state).toBe("failed");
    await expectNowhere(result.id, result.credential, secrets, logs.text(), result.created);
  }, 180_000);
});
