import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { jobEvents, jobs } from "@/db/schema";
import { startExecutor, type Executor } from "@/executor/start-executor";
import { api, ctx } from "../api";
import { hostSummary, makeCredential, makeLocalInventory, makeProject, outputOf, processesWith, waitForState, launchJob } from "./helpers";

const PLAY = (tasks: string) => `- hosts: all\n  gather_facts: false\n  tasks:\n${tasks}`;

let executor: Executor;
let refs: { project: number; inventory: number; credential: number };

beforeAll(async () => {
  const c = await ctx();
  process.env.ZUOYE_CANARY = "canary-value-that-must-not-leak";
  const project = await makeProject("local", {
    "hello.yml": PLAY(`    - name: greet\n      ansible.builtin.debug:\n        msg: "hello {{ greeting | default('nobody') }}"\n`),
    "tags.yml": PLAY(
      `    - name: tagged one\n      ansible.builtin.debug: { msg: "ran-one" }\n      tags: [one]\n    - name: tagged two\n      ansible.builtin.debug: { msg: "ran-two" }\n      tags: [two]\n`,
    ),
    "fail.yml": PLAY(`    - name: boom\n      ansible.builtin.fail: { msg: "it broke" }\n`),
    "sleep.yml": PLAY(`    - name: wait\n      ansible.builtin.command: sleep 61.4242\n`),
    "leak.yml": PLAY(
      `    - name: show\n      ansible.builtin.debug:\n        msg: "pw=TopSecret-123 env={{ lookup('env', 'ZUOYE_CANARY') }} db={{ lookup('env', 'DATABASE_URL') }} pipe={{ lookup('pipe', 'env') }}"\n`,
    ),
    "gone.yml": PLAY(`    - ansible.builtin.ping:\n`),
    // the job sees only its own directory (the sandbox): the run itself tells whether the file is there
    "touch.yml": PLAY(
      `    - name: touch\n      ansible.builtin.file: { path: "{{ lookup('env', 'HOME') }}/{{ target }}", state: touch }\n    - ansible.builtin.stat: { path: "{{ lookup('env', 'HOME') }}/{{ target }}" }\n      register: st\n    - ansible.builtin.debug: { msg: "exists={{ st.stat.exists }}" }\n`,
    ),
  });
  const inventory = await makeLocalInventory();
  const credential = await makeCredential({ password: "TopSecret-123", becomePassword: "another-secret-9" });
  refs = { project: project.id, inventory: inventory.id, credential: credential.id };
  executor = await startExecutor(c.database, { ...c.config, workerCapacity: 2, workerId: "test-worker" });
}, 60_000);

afterAll(async () => {
  await executor?.stop();
});

const launch = (body: Record<string, unknown>) => launchJob(refs, body);

describe("the executor runs launched jobs with real Ansible", () => {
  it("runs a playbook to success, with output, events, host summary and times", async () => {
    const id = await launch({ playbook: "hello.yml" });
    const job = await waitForState(id);
    const out = await outputOf(id);
    expect(job.state, out.join("\n")).toBe("successful");
    expect(out.join("\n")).toContain("hello nobody");
    expect(out.some((l) => l.startsWith("PLAY RECAP"))).toBe(true);
    expect(job.startTime).toBeGreaterThan(0);
    expect(job.finishTime!).toBeGreaterThanOrEqual(job.startTime!);
    const { db, config } = await ctx();
    const events = await db.select().from(jobEvents).where(eq(jobEvents.jobId, id));
    expect(events.map((e) => e.event)).toEqual(
      expect.arrayContaining(["playbook_on_start", "playbook_on_play_start", "playbook_on_task_start", "runner_on_ok", "playbook_on_stats"]),
    );
    const ok = events.find((e) => e.event === "runner_on_ok")!;
    expect(ok).toMatchObject({ host: "localhost", task: "greet" });
    expect(await hostSummary(id)).toEqual([expect.objectContaining({ host: "localhost", ok: 1, failures: 0 })]);
    expect(fs.readdirSync(config.runDir)).toEqual([]);
    const api1 = await api("GET", `/api/job/job/${id}/`);
    expect(api1.body).toMatchObject({ state: "successful", state_name: "成功" });
  });

  it("passes extra variables, tags and check mode as Ansible documents", async () => {
    const vars = await launch({ playbook: "hello.yml", variables: "greeting: 世界" });
    const tagged = await launch({ playbook: "tags.yml", tags: "two" });
    const skipped = await launch({ playbook: "tags.yml", skip_tags: "two", verbosity: 2 });
    const target = "touched";
    const checked = await launch({ playbook: "touch.yml", job_type: "check", variables: JSON.stringify({ target }) });
    expect((await outputOf((await waitForState(vars)).id)).join("\n")).toContain("hello 世界");
    const t = (await outputOf((await waitForState(tagged)).id)).join("\n");
    expect(t).toContain("ran-two");
    expect(t).not.toContain("ran-one");
    const s = (await outputOf((await waitForState(skipped)).id)).join("\n");
    expect(s).toContain("ran-one");
    expect(s).not.toContain("ran-two");
    expect(s).toContain("task path:"); // printed from -vv on
    const c = await waitForState(checked);
    expect(c.state).toBe("successful");
    const checkOut = (await outputOf(checked)).join("\n");
    expect(checkOut).toContain("changed: [localhost]");
    expect(checkOut).toContain("exists=False"); // --check changed nothing
    expect(checkOut).not.toContain("exists=True");
    const real = await launch({ playbook: "touch.yml", variables: JSON.stringify({ target }) });
    expect((await waitForState(real)).state).toBe("successful");
    expect((await outputOf(real)).join("\n")).toContain("exists=True");
  });

  it("ends failed when a task fails, with the host counted", async () => {
    const id = await launch({ playbook: "fail.yml" });
    const job = await waitForState(id);
    expect(job.state).toBe("failed");
    expect((await outputOf(id)).join("\n")).toContain("it broke");
    expect(await hostSummary(id)).toEqual([expect.objectContaining({ host: "localhost", failures: 1 })]);
  });

  it("runs an ad-hoc command against a host list", async () => {
    const id = await launch({
      kind: "adhoc",
      module: "shell",
      arguments: "echo adhoc-$((40+2))",
      inventory_str: "localhost",
      variables: "ansible_connection: local\nansible_python_interpreter: /usr/bin/python3",
    });
    const job = await waitForState(id);
    const out = (await outputOf(id)).join("\n");
    expect(job.state, out).toBe("successful");
    expect(out).toContain("adhoc-42");
  });

  it("ends error with the reason when the playbook is gone", async () => {
    const id = await launch({ playbook: "gone.yml" });
    const { config } = await ctx();
    fs.rmSync(`${config.projectsRoot}/local/gone.yml`);
    const job = await waitForState(id);
    expect(job.state).toBe("error");
    expect((await outputOf(id)).join("\n")).toContain("gone.yml");
  });

  it("ends error when a manual project's folder now leads outside the projects root", async () => {
    const { config } = await ctx();
    const project = await makeProject("moved", { "site.yml": PLAY(`    - ansible.builtin.debug: { msg: "ran-from-outside" }\n`) });
    // the folder is replaced by a link to a folder elsewhere on the server, holding the same playbook
    const outside = fs.mkdtempSync(`${config.dataDir}/outside-`);
    fs.cpSync(`${config.projectsRoot}/moved`, outside, { recursive: true });
    fs.rmSync(`${config.projectsRoot}/moved`, { recursive: true });
    fs.symlinkSync(outside, `${config.projectsRoot}/moved`);
    const id = await launch({ project: project.id, playbook: "site.yml" });
    const job = await waitForState(id);
    const out = (await outputOf(id)).join("\n");
    expect(job.state).toBe("error");
    expect(out).toContain("不在项目根目录");
    expect(out).not.toContain("ran-from-outside");
  });

  it("masks the credential's secrets and hides the server's environment", async () => {
    const id = await launch({ playbook: "leak.yml", verbosity: 4 });
    const job = await waitForState(id);
    const out = (await outputOf(id)).join("\n");
    expect(job.state, out).toBe("successful");
    expect(out).toContain("pw=********");
    expect(out).not.toContain("TopSecret-123");
    expect(out).not.toContain("canary-value-that-must-not-leak");
    expect(out).toContain("env=");
  });

  it("cancels a running job: state canceled within seconds, no process left", async () => {
    const id = await launch({ playbook: "sleep.yml" });
    await waitForState(id, ["running"]);
    const deadline = Date.now() + 30_000;
    while (processesWith("61.4242").length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(processesWith("61.4242").length).toBeGreaterThan(0);
    const { db } = await ctx();
    const t0 = Date.now();
    await db.update(jobs).set({ cancelRequested: true }).where(eq(jobs.id, id));
    const job = await waitForState(id, ["canceled", "successful", "failed", "error"], 20_000);
    expect(job.state).toBe("canceled");
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(processesWith("61.4242")).toEqual([]);
    expect((await outputOf(id)).join("\n")).toContain("作业已被取消");
  });
});
