import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/client";
import { inventories } from "@/db/schema";
import { nowSeconds } from "@/lib/time";
import { startExecutor, type Executor } from "@/executor/start-executor";
import { api, ctx } from "../api";
import { makeCredential, makeProject, outputOf, processesWith, waitForState } from "./helpers";
import { startTestSshd, type TestSshd } from "./sshd";

let sshd: TestSshd;
let executor: Executor;
let project: number;

async function inventoryFor(port: number) {
  const { db } = await ctx();
  const content = `[targets]\ntarget ansible_host=127.0.0.1 ansible_port=${port} ansible_python_interpreter=/usr/bin/python3\n`;
  const [i] = await db
    .insert(inventories)
    .values({ name: `ssh-${port}`, content, hosts: ["target"], ctime: nowSeconds() })
    .returning();
  return i!.id;
}

async function run(body: Record<string, unknown>) {
  const r = await api("POST", "/api/job/job/", { json: { project, playbook: "whoami.yml", ...body } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const job = await waitForState(r.body.id);
  return { job, out: (await outputOf(job.id)).join("\n") };
}

beforeAll(async () => {
  sshd = await startTestSshd();
  project = (
    await makeProject("ssh", {
      "whoami.yml":
        '- hosts: all\n  gather_facts: false\n  tasks:\n    - name: who\n      ansible.builtin.command: whoami\n      register: who\n    - ansible.builtin.debug: { msg: "I am {{ who.stdout }}" }\n',
    })
  ).id;
  const c = await ctx();
  executor = await startExecutor(c.database, { ...c.config, workerCapacity: 2, workerId: "ssh-test-worker" });
}, 60_000);

afterAll(async () => {
  await executor?.stop();
  await sshd?.stop();
});

describe("runs over SSH to a loopback sshd", () => {
  it("logs in with a password, which appears nowhere afterwards", async () => {
    const credential = (await makeCredential({ username: sshd.user, password: sshd.password })).id;
    const { job, out } = await run({ inventory: await inventoryFor(sshd.port), credential, verbosity: 4 });
    expect(job.state, out).toBe("successful");
    expect(out).toContain(`I am ${sshd.user}`);
    expect(out).not.toContain(sshd.password);
    const { db, config } = await ctx();
    const events = rowsOf<{ n: string }>(
      await db.execute(sql`select count(*) n from job_events where job_id = ${job.id} and data::text like ${"%" + sshd.password + "%"}`),
    );
    expect(Number(events[0]!.n)).toBe(0);
    expect(fs.readdirSync(config.runDir)).toEqual([]);
    expect(processesWith(`${config.runDir}/job-${job.id}-`)).toEqual([]); // no ssh connection master left
  });

  it("logs in with a private key", async () => {
    const credential = (await makeCredential({ username: sshd.user, sshKey: sshd.privateKey.replace(/\n/g, "\r\n").trimEnd() })).id;
    const { job, out } = await run({ inventory: await inventoryFor(sshd.port), credential });
    expect(job.state, `${out}|${job.explanation}`).toBe("successful");
    expect(out).toContain(`I am ${sshd.user}`);
  });

  it("becomes root with sudo and the become password", async () => {
    const credential = (
      await makeCredential({ username: sshd.user, password: sshd.password, becomeMethod: "sudo", becomeUser: "root", becomePassword: sshd.password })
    ).id;
    const { job, out } = await run({ inventory: await inventoryFor(sshd.port), credential, become_enabled: 1 });
    expect(job.state, out).toBe("successful");
    expect(out).toContain("I am root");
    const without = await run({ inventory: await inventoryFor(sshd.port), credential, become_enabled: 0 });
    expect(without.out).toContain(`I am ${sshd.user}`);
  });

  it("ends failed with the reason when the host is unreachable", async () => {
    const credential = (await makeCredential({ username: sshd.user, password: "wrong-password" })).id;
    const closed = sshd.port === 1 ? 2 : 1; // nothing listens on port 1
    const { job, out } = await run({ inventory: await inventoryFor(closed), credential });
    expect(job.state).toBe("failed");
    expect(out).toMatch(/UNREACHABLE/);
    expect(out).toMatch(/Connection refused|port 1/);
  });
});
