import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inventories } from "@/db/schema";
import { nowSeconds } from "@/lib/time";
import { startExecutor, type Executor } from "@/executor/start-executor";
import { api, ctx } from "../api";
import { launchJob, makeCredential, makeProject, outputOf, waitForState } from "./helpers";

/**
 * "Resume from the failed task" on real runs: the task the callback plugin recorded is
 * where `--start-at-task` starts the re-run of the failed hosts, across plays, in a role,
 * with a name Ansible would read as a pattern; and what it cannot start at is refused.
 */
const HEAD = (name: string, hosts = "all") => `- name: ${name}\n  hosts: ${hosts}\n  gather_facts: false\n`;
// fails on h2 until the re-run sends `fix: true` (the cause repaired, the run resumed)
const BREAKS = `when: inventory_hostname == 'h2' and not (fix | default(false) | bool)`;

const PLAYBOOKS: Record<string, string> = {
  "resume.yml": `${HEAD("prepare")}  tasks:
    - name: A
      ansible.builtin.debug: { msg: did-A }
${HEAD("deploy")}  tasks:
    - name: B
      ansible.builtin.fail: { msg: B broke }
      ${BREAKS}
    - name: C
      ansible.builtin.debug: { msg: did-C }
`,
  // failures that do not count come first: ignored, rescued
  "role.yml": `${HEAD("roles")}  vars: { what: x }
  tasks:
    - name: ignored failure
      ansible.builtin.fail: { msg: never mind }
      ignore_errors: true
    - block:
        - name: rescued failure
          ansible.builtin.fail: { msg: caught }
      rescue:
        - name: the rescue
          ansible.builtin.debug: { msg: did-rescue }
    - ansible.builtin.import_role: { name: web }
`,
  // Ansible matches the name as written; the output shows it templated
  "roles/web/tasks/main.yml": `- name: "check [{{ what }}] *"
  ansible.builtin.fail: { msg: role broke }
  ${BREAKS}
- name: after the check
  ansible.builtin.debug: { msg: did-after }
`,
  // the same name in an earlier play, which only h1 is in
  "shadow.yml": `${HEAD("first", "h1")}  tasks:
    - name: install
      ansible.builtin.debug: { msg: did-install-1 }
${HEAD("second")}  tasks:
    - name: install
      ansible.builtin.fail: { msg: install broke }
      ${BREAKS}
    - name: after install
      ansible.builtin.debug: { msg: did-after-install }
`,
  "twice.yml": `${HEAD("twice")}  tasks:
    - name: check
      ansible.builtin.debug: { msg: first check }
    - name: check
      ansible.builtin.fail: { msg: second check broke }
      ${BREAKS}
`,
  "include.yml": `${HEAD("include")}  tasks:
    - ansible.builtin.include_tasks: included.yml
`,
  "included.yml": `- name: included task
  ansible.builtin.fail: { msg: included broke }
  ${BREAKS}
`,
  "handler.yml": `${HEAD("handler")}  tasks:
    - name: notify
      ansible.builtin.command: "true"
      changed_when: true
      notify: restart
  handlers:
    - name: restart
      ansible.builtin.fail: { msg: handler broke }
      ${BREAKS}
`,
};

let executor: Executor;
let refs: Record<string, number>;

beforeAll(async () => {
  const c = await ctx();
  const project = await makeProject("resume", PLAYBOOKS);
  const content = ["h1", "h2"].map((h) => `${h} ansible_connection=local ansible_python_interpreter=/usr/bin/python3`).join("\n");
  const [inv] = await c.db
    .insert(inventories)
    .values({ name: "两台", content, hosts: ["h1", "h2"], ctime: nowSeconds() })
    .returning();
  refs = { project: project.id, inventory: inv!.id, credential: (await makeCredential()).id };
  executor = await startExecutor(c.database, { ...c.config, workerCapacity: 3, workerId: "resume-worker" });
}, 60_000);

afterAll(async () => {
  await executor?.stop();
});

/** Runs each playbook once (side by side); each must fail on h2. */
async function failedRuns(...playbooks: string[]): Promise<number[]> {
  const ids = await Promise.all(playbooks.map((playbook) => launchJob(refs, { playbook })));
  for (const id of ids) {
    const job = await waitForState(id, undefined, 120_000);
    expect(job.state, (await outputOf(id)).join("\n")).toBe("failed");
  }
  return ids;
}

async function resume(id: number, body: Record<string, unknown> = {}) {
  const r = await api("POST", `/api/job/job/${id}/relaunch/`, { json: { hosts: "failed", start_at: "failed_task", variables: "fix: true", ...body } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const job = await waitForState(r.body.id as number, undefined, 120_000);
  return { record: r.body, job, out: (await outputOf(job.id)).join("\n") };
}

describe("resume from the failed task, on real runs", () => {
  it("re-runs the failed host from the failed task, in a later play: B and C run, A does not", async () => {
    const [id] = await failedRuns("resume.yml");
    const options = await api("GET", `/api/job/job/${id}/relaunch/`);
    expect(options.status).toBe(200);
    expect(options.body).toEqual({
      failed_hosts: ["h2"],
      failed_task: { name: "B", play: "deploy", path: "resume.yml:11", hosts: ["h2"], start_at_task: "B" },
      failed_task_error: null,
    });
    const { record, job, out } = await resume(id!);
    expect(record).toMatchObject({ limit: "h2", start_at_task: "B", job: id, playbook: "resume.yml" });
    expect(job.state, out).toBe("successful");
    expect(out).toContain("TASK [B]");
    expect(out).toContain("TASK [C]");
    expect(out).toContain('"msg": "did-C"');
    expect(out).not.toContain("TASK [A]");
    expect(out).not.toContain("did-A");
    expect(out).not.toContain("[h1]");
  }, 180_000);

  it("starts at a role's task with a templated name that reads as a pattern; ignored and rescued failures do not count", async () => {
    const [id] = await failedRuns("role.yml");
    const { explanation } = await waitForState(id!);
    expect(explanation, "the reason names the failure that counted").toBe("主机 h2 的任务 “web : check [x] *” 失败：role broke");
    const options = await api("GET", `/api/job/job/${id}/relaunch/`);
    expect(options.body.failed_task).toEqual({
      name: "web : check [x] *",
      play: "roles",
      path: "roles/web/tasks/main.yml:1",
      hosts: ["h2"],
      start_at_task: "web : check [[]{{ what }}] [*]",
    });
    const { record, job, out } = await resume(id!);
    expect(record).toMatchObject({ limit: "h2", start_at_task: "web : check [[]{{ what }}] [*]" });
    expect(job.state, out).toBe("successful");
    expect(out).toContain("TASK [web : check [x] *]");
    expect(out).toContain("did-after");
    expect(out).not.toContain("TASK [ignored failure]");
    expect(out).not.toContain("TASK [rescued failure]");
  }, 180_000);

  it("starts past a same-named task of an earlier play the failed host is not in; refuses for every host", async () => {
    const [id] = await failedRuns("shadow.yml");
    const everyHost = await api("POST", `/api/job/job/${id}/relaunch/`, { json: { hosts: "all", start_at: "failed_task" } });
    expect(everyHost.status).toBe(400);
    expect(everyHost.body).toEqual({
      start_at: ["任务名 “install” 不唯一：--start-at-task 会先停在更早的同名任务（shadow.yml:5）。给任务起唯一的名字后才能从它继续。"],
    });
    const { record, job, out } = await resume(id!);
    expect(record).toMatchObject({ limit: "h2", start_at_task: "install" });
    expect(job.state, out).toBe("successful");
    expect(out).toContain("did-after-install");
    expect(out).not.toContain("did-install-1");
  }, 180_000);

  it("refuses a task it cannot start at: a repeated name, a dynamic include, a handler", async () => {
    const [twice, include, handler] = await failedRuns("twice.yml", "include.yml", "handler.yml");
    const errors: Record<string, unknown> = {};
    for (const [name, id] of Object.entries({ twice, include, handler })) {
      const options = await api("GET", `/api/job/job/${id}/relaunch/`);
      expect(options.body).toMatchObject({ failed_hosts: ["h2"], failed_task: null });
      const r = await api("POST", `/api/job/job/${id}/relaunch/`, { json: { hosts: "failed", start_at: "failed_task" } });
      expect(r.status).toBe(400);
      expect(r.body.start_at).toEqual([options.body.failed_task_error]);
      errors[name] = options.body.failed_task_error;
    }
    expect(errors).toEqual({
      twice: "任务名 “check” 不唯一：--start-at-task 会先停在更早的同名任务（twice.yml:5）。给任务起唯一的名字后才能从它继续。",
      include: "--start-at-task 找不到任务 “included task”：它来自动态包含（include_tasks、include_role）或 block 的 rescue 部分。",
      handler: "失败的是 handler “restart”：--start-at-task 不能从 handler 开始。",
    });
  }, 180_000);
});
