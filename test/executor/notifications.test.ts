import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationDeliveries, notificationOutbox } from "@/db/schema";
import { startExecutor, type Executor } from "@/executor/start-executor";
import { api, ctx } from "../api";
import { expectedDingtalkSign, startReceiver, startSmtpSink } from "../notifications/sinks";
import { launchJob, makeCredential, makeLocalInventory, makeProject, outputOf, waitForState } from "./helpers";

/**
 * A real Ansible run that fails on a task whose message carries the credential's password:
 * the executor that ran it delivers exactly one signed DingTalk message and one email to
 * sinks on 127.0.0.1, each with the recap and the first failure, and neither carries the
 * credential's password nor a notification's own secret.
 */
const PASSWORD = "Cred-Pass-4242-xyz";
const DING_SECRET = "SECexec-ding-31337";
const SMTP_PASSWORD = "exec-smtp-pass-77";

const PLAY = `- hosts: all
  gather_facts: false
  tasks:
    - name: say hello
      ansible.builtin.debug: { msg: "hello" }
    - name: deploy the app
      ansible.builtin.fail: { msg: "could not log in with ${PASSWORD}" }
`;

let executor: Executor;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let refs: { project: number; inventory: number; credential: number };

beforeAll(async () => {
  const c = await ctx();
  receiver = await startReceiver();
  smtp = await startSmtpSink();
  const project = await makeProject("notify", { "fail.yml": PLAY });
  refs = { project: project.id, inventory: (await makeLocalInventory()).id, credential: (await makeCredential({ password: PASSWORD })).id };
  executor = await startExecutor(
    c.database,
    { ...c.config, workerCapacity: 1, workerId: "notify-worker" },
    { notifications: { retryDelayMs: 200, pollMs: 200 } },
  );
}, 60_000);

afterAll(async () => {
  await executor?.stop();
  await receiver?.close();
  await smtp?.close();
});

describe("notifications of a real run", () => {
  it("a failed run sends exactly one signed DingTalk message and one email, redacted", async () => {
    const ding = await api("POST", "/api/job/notification/", {
      json: { name: "钉钉", kind: "dingtalk", url: `${receiver.url}/robot/send?access_token=t0k3n`, secret: DING_SECRET, events: ["failed", "error"] },
    });
    const mail = await api("POST", "/api/job/notification/", {
      json: {
        name: "邮件",
        kind: "email",
        events: ["failed"],
        smtp_host: "127.0.0.1",
        smtp_port: smtp.port,
        smtp_tls: "none",
        smtp_username: "ops",
        smtp_password: SMTP_PASSWORD,
        smtp_from: "zuoye@example.com",
        smtp_to: ["oncall@example.com"],
      },
    });
    expect([ding.status, mail.status]).toEqual([201, 201]);

    const id = await launchJob(refs, { playbook: "fail.yml" });
    const job = await waitForState(id);
    const out = (await outputOf(id)).join("\n");
    expect(job.state, out).toBe("failed");
    expect(out).not.toContain(PASSWORD);

    const { db } = await ctx();
    const deadline = Date.now() + 30_000;
    while ((receiver.got.length < 1 || smtp.got.length < 1) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    // nothing more arrives: one delivery per notification and event
    await new Promise((r) => setTimeout(r, 1_000));
    expect(receiver.got).toHaveLength(1);
    expect(smtp.got).toHaveLength(1);

    const r = receiver.got[0]!;
    expect(r.query.get("access_token")).toBe("t0k3n");
    expect(r.query.get("sign")).toBe(expectedDingtalkSign(DING_SECRET, r.query.get("timestamp")!));
    const text: string = r.json.markdown.text;
    expect(text).toMatch(/> localhost : ok=1 changed=0 unreachable=0 failed=1/);
    expect(text).toContain("**首个失败**：主机 localhost 的任务 “deploy the app”：could not log in with ********");
    expect(text).toContain(`/jobs/${id}?rerun=failed`);

    const email = smtp.got[0]!;
    expect(email.to).toEqual(["oncall@example.com"]);
    expect(email.text).toMatch(/localhost : ok=1 changed=0 unreachable=0 failed=1/);
    expect(email.text).toContain("could not log in with ********");

    for (const body of [r.body, r.query.toString(), email.raw]) {
      for (const secret of [PASSWORD, DING_SECRET, SMTP_PASSWORD]) expect(body).not.toContain(secret);
    }
    const log = await db.select().from(notificationDeliveries).orderBy(asc(notificationDeliveries.id));
    expect(log.map((d) => [d.notificationId, d.jobId, d.event, d.status])).toEqual(
      expect.arrayContaining([
        [ding.body.id, id, "failed", "ok"],
        [mail.body.id, id, "failed", "ok"],
      ]),
    );
    expect(log).toHaveLength(2);
    expect(await db.select().from(notificationOutbox).where(eq(notificationOutbox.jobId, id))).toEqual([]);
  });
});
