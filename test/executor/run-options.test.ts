import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inventories } from "@/db/schema";
import { nowSeconds } from "@/lib/time";
import { startExecutor, type Executor } from "@/executor/start-executor";
import { api, ctx } from "../api";
import { makeCredential, makeProject, outputOf, waitForState } from "./helpers";

/** The run options not shown elsewhere, each proven by what a real run printed or did. */
const PLAY = (body: string) => `- hosts: all\n  gather_facts: false\n${body}`;

let executor: Executor;
let refs: Record<string, number>;

beforeAll(async () => {
  const c = await ctx();
  const project = await makeProject("options", {
    // each host registers itself in the job's own directory (all it sees in the sandbox),
    // waits, and prints how many hosts were in at once
    "forks.yml":
      PLAY(`  vars: { d: "{{ lookup('env', 'HOME') }}/forks-probe" }\n  tasks:\n    - ansible.builtin.shell: |\n        mkdir -p {{ d }}/in && touch {{ d }}/in/{{ inventory_hostname }} && sleep 1.5
        n=$(ls {{ d }}/in | wc -l); rm {{ d }}/in/{{ inventory_hostname }}; echo "seen-together=$n"\n      register: r\n    - ansible.builtin.debug: { msg: "{{ r.stdout }}" }\n`),
    "diff.yml": PLAY(`  tasks:\n    - ansible.builtin.copy: { dest: "{{ lookup('env', 'HOME') }}/diffed.txt", content: "new line\\n" }\n`),
    "handlers.yml": PLAY(
      `  tasks:\n    - ansible.builtin.command: "true"\n      notify: the handler\n    - ansible.builtin.fail: { msg: "stop here" }\n  handlers:\n    - name: the handler\n      ansible.builtin.debug: { msg: "handler-ran" }\n`,
    ),
    "steps.yml": PLAY(
      `  tasks:\n    - name: step one\n      ansible.builtin.debug: { msg: "did-one" }\n    - name: step two\n      ansible.builtin.debug: { msg: "did-two" }\n`,
    ),
    "noisy.yml": PLAY(
      `  tasks:\n    - ansible.builtin.shell: "printf 'bad \\\\377\\\\376 bytes\\\\n'; head -c 5242880 /dev/zero | tr '\\\\0' x"\n      register: r\n    - ansible.builtin.debug: { var: r.stdout }\n`,
    ),
  });
  const content = ["h1", "h2", "h3"].map((h) => `${h} ansible_connection=local ansible_python_interpreter=/usr/bin/python3`).join("\n");
  const [inv] = await c.db
    .insert(inventories)
    .values({ name: "三台", content, hosts: ["h1", "h2", "h3"], ctime: nowSeconds() })
    .returning();
  refs = { project: project.id, inventory: inv!.id, credential: (await makeCredential()).id };
  executor = await startExecutor(c.database, { ...c.config, workerCapacity: 1, workerId: "options-worker" });
}, 60_000);

afterAll(async () => {
  await executor?.stop();
});

async function run(body: Record<string, unknown>) {
  const r = await api("POST", "/api/job/job/", { json: { ...refs, ...body } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const job = await waitForState(r.body.id, undefined, 120_000);
  return { job, out: (await outputOf(job.id)).join("\n") };
}

/** For each host, how many hosts were inside the shell task with it. */
function seenTogether(out: string): number[] {
  const seen = [...out.matchAll(/"msg": "seen-together=(\d+)"/g)].map((m) => Number(m[1]));
  expect(seen).toHaveLength(3);
  return seen;
}

describe("run options change the run as Ansible documents", () => {
  it("forks: one host at a time with forks 1, several at once with forks 3", async () => {
    const one = await run({ playbook: "forks.yml", forks: 1 });
    expect(one.job.state, one.out).toBe("successful");
    expect(Math.max(...seenTogether(one.out))).toBe(1);
    const three = await run({ playbook: "forks.yml", forks: 3 });
    expect(three.job.state, three.out).toBe("successful");
    expect(Math.max(...seenTogether(three.out))).toBeGreaterThan(1);
  }, 120_000);

  it("diff_mode prints the change", async () => {
    const { job, out } = await run({ playbook: "diff.yml", diff_mode: 1, limit: "h1" });
    expect(job.state, out).toBe("successful");
    expect(out).toContain("+new line");
    const plain = await run({ playbook: "diff.yml", diff_mode: 0, limit: "h1" });
    expect(plain.job.state, plain.out).toBe("successful");
    expect(plain.out).toContain("changed: [h1]"); // the file was written here too, without a diff
    expect(plain.out).not.toContain("+new line");
  });

  it("force_handlers runs notified handlers even after a failure", async () => {
    const forced = await run({ playbook: "handlers.yml", force_handlers: 1, limit: "h1" });
    expect(forced.job.state).toBe("failed");
    expect(forced.out).toContain("handler-ran");
    const plain = await run({ playbook: "handlers.yml", force_handlers: 0, limit: "h1" });
    expect(plain.job.state).toBe("failed");
    expect(plain.out).not.toContain("handler-ran");
  });

  it("start_at_task skips the tasks before it", async () => {
    const { job, out } = await run({ playbook: "steps.yml", start_at_task: "step two", limit: "h1" });
    expect(job.state, out).toBe("successful");
    expect(out).toContain("did-two");
    expect(out).not.toContain("did-one");
  });

  it("a start_at_task that names no task ends the job `error`: Ansible exits 0 having run nothing", async () => {
    const { job, out } = await run({ playbook: "steps.yml", start_at_task: "step nine", limit: "h1" });
    expect(out).toContain('No matching task "step nine" found');
    expect(out).not.toContain("did-");
    expect(job.state, out).toBe("error");
    expect(job.explanation).toBe(
      "没有运行任何任务：--start-at-task 没有找到任务 “step nine”（playbook 中没有这个名字的任务，或它来自动态包含、handler 或 rescue 部分）。",
    );
  });

  it("stores output that is not UTF-8 and a 5 MB line without failing", async () => {
    const { job, out } = await run({ playbook: "noisy.yml", limit: "h1" });
    expect(job.state, out.slice(0, 2000)).toBe("successful");
    // Ansible re-encodes what a command printed; the raw-bytes case is LineSplitter's unit test
    expect(out).toMatch(/bad .{1,12} bytes/);
    expect(out.length).toBeGreaterThan(5 * 1024 * 1024);
  }, 120_000);
});
