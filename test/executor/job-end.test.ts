import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { rowsOf } from "@/db/client";
import { jobEvents, jobs } from "@/db/schema";
import { startExecutor, type Executor } from "@/executor/start-executor";
import { api, ctx } from "../api";
import { makeUser } from "../fixtures";
import { makeCredential, makeLocalInventory, makeProject, outputOf, processesWith, waitForState, launchJob } from "./helpers";

/**
 * A job always ends, with its whole output and the reason why: output PostgreSQL would
 * refuse, a database that fails a few writes, one that keeps failing them, a timeout, a
 * cancel, a failed host. The failures are real: triggers on the output table raise, as a
 * full disk or a dropped connection would.
 */
const PLAY = (tasks: string) => `- hosts: all\n  gather_facts: false\n  tasks:\n${tasks}`;
const lines = (prefix: string, n: number) =>
  `    - ansible.builtin.shell: "for i in $(seq 1 ${n}); do echo ${prefix}-$i; done"\n      register: r\n    - ansible.builtin.debug: { var: r.stdout_lines }\n`;

let executor: Executor;
let refs: { project: number; inventory: number; credential: number };

beforeAll(async () => {
  const c = await ctx();
  const project = await makeProject("ends", {
    "nul.yml": PLAY(`    - ansible.builtin.shell: printf 'before\\0after'\n      register: r\n    - ansible.builtin.debug: { msg: "{{ r.stdout }}" }\n`),
    "blip.yml": PLAY(lines("blip", 50)),
    "doomed.yml": PLAY(lines("doomed", 5) + "    - ansible.builtin.command: sleep 91.9191\n"),
    "slow.yml": PLAY("    - ansible.builtin.command: sleep 92.9292\n"),
    "fail.yml": PLAY('    - name: boom\n      ansible.builtin.fail: { msg: "it broke" }\n'),
  });
  refs = { project: project.id, inventory: (await makeLocalInventory()).id, credential: (await makeCredential()).id };
  // writes of lines naming `blip-` fail three times, then pass (a sequence is not rolled back
  // with the failed statement); writes of lines naming `doomed-` always fail
  await c.db.execute(sql`create sequence zuoye_test_blip`);
  await c.db.execute(
    sql.raw(`
    create function zuoye_test_fail_output() returns trigger language plpgsql as $$
    begin
      if new.text like '%blip-%' and nextval('zuoye_test_blip') <= 3 then raise exception 'simulated connection blip'; end if;
      if new.text like '%doomed-%' then raise exception 'could not extend file: No space left on device (simulated)'; end if;
      return new;
    end $$`),
  );
  await c.db.execute(sql`create trigger zuoye_test_fail_output before insert on job_output_lines for each row execute function zuoye_test_fail_output()`);
  executor = await startExecutor(c.database, { ...c.config, workerCapacity: 2, workerId: "ends-worker", outputRetrySeconds: 4 });
}, 60_000);

afterAll(async () => {
  await executor?.stop();
});

const launch = (body: Record<string, unknown>) => launchJob(refs, body);

describe("a job always ends, with the reason why", () => {
  it("F1: output with NUL (refused by jsonb) is stored as U+FFFD and the job ends successful", async () => {
    const t0 = Date.now();
    const id = await launch({ playbook: "nul.yml" });
    const job = await waitForState(id, undefined, 60_000);
    expect(job.state, (await outputOf(id)).join("\n")).toBe("successful");
    expect(Date.now() - t0).toBeLessThan(45_000);
    const { db } = await ctx();
    const events = await db.select().from(jobEvents).where(eq(jobEvents.jobId, id));
    const texts = JSON.stringify(events.map((e) => e.data));
    expect(texts).toContain("before\ufffdafter");
    expect(texts).not.toContain("\\u0000");
    expect((await api("GET", `/api/job/job/${id}/`)).body).toMatchObject({ state: "successful", explanation: "" });
  });

  it("rides out failed writes: every line stored once, numbered without a gap", async () => {
    const id = await launch({ playbook: "blip.yml" });
    const job = await waitForState(id);
    const out = await outputOf(id); // throws on a gap in the line numbers
    expect(job.state, out.join("\n")).toBe("successful");
    for (let i = 1; i <= 50; i++)
      expect(
        out.filter((l) => l.includes(`"blip-${i}"`)),
        `blip-${i}`,
      ).toHaveLength(1);
    // the trigger did refuse three writes (then saw every one of the 50 lines once more)
    const { db } = await ctx();
    const { n } = rowsOf<{ n: string | number }>(await db.execute(sql`select last_value as n from zuoye_test_blip`))[0]!;
    expect(Number(n)).toBeGreaterThanOrEqual(3 + 50);
  });

  it("ends error when writes keep failing: Ansible stopped, the reason says from which line output was lost", async () => {
    const t0 = Date.now();
    const id = await launch({ playbook: "doomed.yml" });
    const job = await waitForState(id, undefined, 60_000);
    expect(job.state).toBe("error");
    expect(Date.now() - t0).toBeLessThan(40_000); // not the 91 s the playbook would sleep
    expect(job.explanation).toMatch(/^输出写入失败：.*No space left on device \(simulated\)。第 \d+ 行起的输出未能保存，作业已被停止。$/);
    expect(processesWith("91.9191")).toEqual([]);
    const out = await outputOf(id); // contiguous: the reason follows what was stored
    expect(out.at(-1)).toBe(job.explanation);
    const lostFrom = Number(/第 (\d+) 行起/.exec(job.explanation)![1]);
    expect(out).toHaveLength(lostFrom);
    expect(out.join("\n")).not.toContain("doomed-");
  });

  it("stops a job past its timeout: failed, with the timeout as the reason", async () => {
    const t0 = Date.now();
    const id = await launch({ playbook: "slow.yml", timeout: 3 });
    const job = await waitForState(id, undefined, 60_000);
    expect(job.state).toBe("failed");
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(job.explanation).toBe("超时（3 秒）：作业运行超过了 timeout，已被停止。");
    expect(processesWith("92.9292")).toEqual([]);
    expect((await outputOf(id)).at(-1)).toBe(job.explanation);
    const record = (await api("GET", `/api/job/job/${id}/`)).body;
    expect(record).toMatchObject({ timeout: 3, state: "failed", explanation: job.explanation });
  });

  it("names who canceled a running job, and when", async () => {
    const li = await makeUser("lina", "李娜");
    const id = await launch({ playbook: "slow.yml" });
    await waitForState(id, ["running"]);
    const deadline = Date.now() + 30_000;
    while (processesWith("92.9292").length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect((await api("POST", `/api/job/job/${id}/cancel/`, { as: li!.id })).status).toBe(202);
    const job = await waitForState(id);
    expect(job.state).toBe("canceled");
    expect(job.explanation).toMatch(/^已由 李娜 于 .+ 取消。$/);
    expect((await api("GET", `/api/job/job/${id}/`)).body).toMatchObject({ canceled_by: li!.id, explanation: job.explanation });
    expect((await outputOf(id)).at(-1)).toBe(`作业已被取消。${job.explanation}`);
  });

  it("says which host failed first, in which task, and why", async () => {
    const id = await launch({ playbook: "fail.yml" });
    const job = await waitForState(id);
    expect(job.state).toBe("failed");
    expect(job.explanation).toBe("主机 localhost 的任务 “boom” 失败：it broke");
    const { db } = await ctx();
    const [row] = await db.select({ e: jobs.explanation }).from(jobs).where(eq(jobs.id, id));
    expect(row!.e).toBe(job.explanation);
  });
});
