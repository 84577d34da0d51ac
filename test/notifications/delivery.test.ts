import crypto from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { jobEvents, jobHostSummaries, jobOutputLines, jobs, notificationDeliveries, notificationOutbox } from "@/db/schema";
import { deliverDueNotifications, type DeliveryOptions } from "@/executor/deliver-notifications";
import { api, ctx, resetDb } from "../api";
import { makeCatalog } from "../fixtures";
import { expectedDingtalkSign, expectedFeishuSign, startReceiver, startSmtpSink } from "./sinks";

/**
 * Delivery, end to end from a job's state change: the trigger queues, the sender composes
 * from the stored job (recap, first failure), signs as each robot documents, and posts to
 * receivers on 127.0.0.1 started here (an SMTP server for email); failures are retried
 * with a doubling wait, and every attempt is logged.
 */
const DING_SECRET = "SECdingtalk-0a1b2c3d4e5f";
const FEISHU_SECRET = "feishu-secret-9z8y7x";
const HOOK_SECRET = "webhook-hmac-key-55";
const SMTP_PASSWORD = "smtp-password-kk31";
const SECRETS = [DING_SECRET, FEISHU_SECRET, HOOK_SECRET, SMTP_PASSWORD];
const FAST: DeliveryOptions = { retryLimit: 2, retryDelayMs: 150, timeoutMs: 5_000 };

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  receiver = await startReceiver((r, n) => {
    if (r.path === "/flaky" && n <= 2) return { status: 500, body: "temporarily broken" };
    if (r.path === "/down") return { status: 503, body: "down" };
    if (r.path === "/refuses") return { status: 200, body: '{"errcode":310000,"errmsg":"sign not match"}' };
    return undefined;
  });
  smtp = await startSmtpSink();
});

afterAll(async () => {
  await receiver?.close();
  await smtp?.close();
});

beforeEach(async () => {
  await resetDb();
  receiver.got.length = 0;
  smtp.got.length = 0;
});

async function notify(body: Record<string, unknown>) {
  const r = await api("POST", "/api/job/notification/", { json: { events: ["started", "successful", "failed", "error", "canceled"], ...body } });
  expect(r.status, r.text).toBe(201);
  return r.body.id as number;
}

/** A launched job that failed on web2 in task "deploy", with its output (colours kept), events and host results, as the executor stores them. */
async function failedJob(): Promise<number> {
  const c = await makeCatalog();
  const launched = await api("POST", "/api/job/job/", { json: { template: c.template.id } });
  const id = launched.body.id as number;
  const { db } = await ctx();
  const lines = [
    "PLAY [all] *********************************************************************",
    "TASK [deploy] ******************************************************************",
    "\u001b[0;32mok: [web1]\u001b[0m",
    '\u001b[0;31mfatal: [web2]: FAILED! => {"changed": false, "msg": "it broke"}\u001b[0m',
    "",
    "PLAY RECAP *********************************************************************",
    "\u001b[0;32mweb1\u001b[0m                       : \u001b[0;32mok=2   \u001b[0m changed=1    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0   ",
    "\u001b[0;31mweb2\u001b[0m                       : ok=1    changed=0    unreachable=0    \u001b[0;31mfailed=1   \u001b[0m skipped=0    rescued=0    ignored=0   ",
    "",
    "\u001b[0;31m主机 web2 的任务 “deploy” 失败：it broke\u001b[0m",
  ];
  await db.insert(jobOutputLines).values(lines.map((text, i) => ({ jobId: id, lineNo: i + 1, text })));
  await db.insert(jobHostSummaries).values([
    { jobId: id, host: "web1", ok: 2, changed: 1 },
    { jobId: id, host: "web2", ok: 1, failures: 1, firstFailedTask: "deploy", firstFailedMessage: "it broke" },
  ]);
  await db.insert(jobEvents).values({ jobId: id, seq: 4, event: "runner_on_failed", task: "deploy", host: "web2", failed: true, lineNo: 4, created: 1 });
  await db.update(jobs).set({ state: "waiting" }).where(eq(jobs.id, id));
  await db.update(jobs).set({ state: "running", startTime: 1_800_000_000 }).where(eq(jobs.id, id));
  await db.update(jobs).set({ state: "failed", finishTime: 1_800_000_065, explanation: "主机 web2 的任务 “deploy” 失败：it broke" }).where(eq(jobs.id, id));
  return id;
}

const deliver = async (opts = FAST) => deliverDueNotifications((await ctx()).db, (await ctx()).config, opts);

async function log(notificationId: number) {
  const { db } = await ctx();
  return db.select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, notificationId)).orderBy(asc(notificationDeliveries.id));
}

function expectNoSecretIn(text: string) {
  for (const s of SECRETS) expect(text).not.toContain(s);
}

describe("delivering a failed job's notifications", () => {
  it("DingTalk: one signed markdown message per event, with the recap, the first failure and the links", async () => {
    const n = await notify({ name: "钉钉", kind: "dingtalk", url: `${receiver.url}/robot/send?access_token=abc123`, secret: DING_SECRET, events: ["failed"] });
    const id = await failedJob();
    expect(await deliver()).toBe(1);
    expect(receiver.got).toHaveLength(1);
    const r = receiver.got[0]!;
    expect(r.path).toBe("/robot/send");
    expect(r.query.get("access_token")).toBe("abc123");
    const timestamp = r.query.get("timestamp")!;
    expect(Math.abs(Number(timestamp) - Date.now())).toBeLessThan(60_000);
    expect(r.query.get("sign")).toBe(expectedDingtalkSign(DING_SECRET, timestamp));
    expect(r.json.msgtype).toBe("markdown");
    const text: string = r.json.markdown.text;
    expect(r.json.markdown.title).toBe(`[失败] tomcat #${id}`);
    const base = (await ctx()).config.linkBaseUrl;
    for (const part of [
      `[#${id}](${base}/jobs/${id})`,
      "**状态**：失败",
      "**执行人**：",
      "**耗时**：1 分 5 秒",
      "**失败主机**：web2",
      "**首个失败**：主机 web2 的任务 “deploy”：it broke",
      "**PLAY RECAP**",
      "> web1 : ok=2 changed=1 unreachable=0 failed=0 skipped=0 rescued=0 ignored=0",
      "> web2 : ok=1 changed=0 unreachable=0 failed=1 skipped=0 rescued=0 ignored=0",
      `[重新执行失败的主机](${base}/jobs/${id}?rerun=failed)`,
    ])
      expect(text).toContain(part);
    expect(text).not.toContain("\u001b");
    expectNoSecretIn(JSON.stringify(r.json) + r.query.toString());
    expect((await log(n)).map((d) => [d.jobId, d.event, d.attempt, d.status, d.responseCode, d.error])).toEqual([[id, "failed", 1, "ok", 200, ""]]);
    const { db } = await ctx();
    expect(await db.select().from(notificationOutbox)).toEqual([]);
  });

  it("Feishu: an interactive card with timestamp and sign in the body; WeCom: markdown; webhook: every field, HMAC-signed", async () => {
    await notify({ name: "飞书", kind: "feishu", url: `${receiver.url}/open-apis/bot/v2/hook/0f6b1b9e-aaaa-bbbb-cccc-1234567890ab`, secret: FEISHU_SECRET });
    await notify({ name: "企微", kind: "wecom", url: `${receiver.url}/cgi-bin/webhook/send?key=wecom-key` });
    await notify({ name: "钩子", kind: "webhook", url: `${receiver.url}/hook`, secret: HOOK_SECRET });
    const id = await failedJob();
    // started and failed for each of the three
    expect(await deliver()).toBe(6);
    const byPath = (p: string) => receiver.got.filter((r) => r.path.startsWith(p));

    const feishu = byPath("/open-apis");
    expect(feishu.map((r) => r.json.card.header.title.content)).toEqual([`[开始运行] tomcat #${id}`, `[失败] tomcat #${id}`]);
    for (const r of feishu) {
      expect(r.json.msg_type).toBe("interactive");
      expect(r.json.sign).toBe(expectedFeishuSign(FEISHU_SECRET, r.json.timestamp));
      expect(Math.abs(Number(r.json.timestamp) - Date.now() / 1000)).toBeLessThan(60);
    }
    const failedCard = JSON.stringify(feishu[1]!.json.card);
    expect(failedCard).toContain("web2 : ok=1 changed=0 unreachable=0 failed=1");
    expect(failedCard).toContain("首个失败");
    expect(failedCard).toContain("?rerun=failed");
    // the started message has no recap yet and nothing to re-run
    expect(JSON.stringify(feishu[0]!.json.card)).not.toContain("PLAY RECAP");

    const wecom = byPath("/cgi-bin");
    expect(wecom.map((r) => r.json.msgtype)).toEqual(["markdown", "markdown"]);
    expect(wecom[1]!.json.markdown.content).toContain("it broke");
    expect(Buffer.byteLength(wecom[1]!.json.markdown.content)).toBeLessThanOrEqual(4096);

    const hooks = byPath("/hook");
    for (const r of hooks) {
      expect(r.headers["x-zuoye-signature"]).toBe(`sha256=${crypto.createHmac("sha256", HOOK_SECRET).update(r.body).digest("hex")}`);
    }
    expect(hooks.map((r) => r.headers["x-zuoye-event"])).toEqual(["started", "failed"]);
    expect(hooks[1]!.json).toMatchObject({
      event: "failed",
      notification: "钩子",
      test: false,
      job: { id, state: "failed", state_name: "失败", title: "tomcat", start_time: 1_800_000_000, finish_time: 1_800_000_065, duration: 65 },
      failed_hosts: ["web2"],
      first_failure: { host: "web2", task: "deploy", message: "it broke" },
      recap: [expect.stringMatching(/^web1 : ok=2/), expect.stringMatching(/^web2 : ok=1/)],
      rerun_failed_url: expect.stringMatching(new RegExp(`/jobs/${id}\\?rerun=failed$`)),
    });
    for (const r of receiver.got) expectNoSecretIn(r.body + r.query.toString());
  });

  it("email: plain text and HTML through SMTP with its login, the recap and the failure in both", async () => {
    const n = await notify({
      name: "邮件",
      kind: "email",
      events: ["failed"],
      smtp_host: "127.0.0.1",
      smtp_port: smtp.port,
      smtp_tls: "none",
      smtp_username: "ops",
      smtp_password: SMTP_PASSWORD,
      smtp_from: "zuoye@example.com",
      smtp_to: ["oncall@example.com", "lead@example.com"],
    });
    const id = await failedJob();
    expect(await deliver()).toBe(1);
    expect(smtp.got).toHaveLength(1);
    const mail = smtp.got[0]!;
    expect(mail.from).toBe("zuoye@example.com");
    expect(mail.to).toEqual(["oncall@example.com", "lead@example.com"]);
    expect(mail.auth).toEqual({ username: "ops", password: SMTP_PASSWORD });
    expect(mail.text).toContain(`[失败] tomcat #${id}`);
    expect(mail.text).toContain("web2 : ok=1 changed=0 unreachable=0 failed=1");
    expect(mail.text).toContain("首个失败：主机 web2 的任务 “deploy”：it broke");
    expect(mail.text).toContain("<pre");
    expect(mail.text).toContain(`/jobs/${id}?rerun=failed`);
    expectNoSecretIn(mail.raw);
    expect((await log(n)).map((d) => [d.status, d.responseCode])).toEqual([["ok", 250]]);
  });
});

describe("retries", () => {
  it("a 500 is retried after a doubling wait until it passes; every attempt is logged", async () => {
    const n = await notify({ name: "不稳定", kind: "webhook", url: `${receiver.url}/flaky`, events: ["failed"] });
    const id = await failedJob();
    const { db } = await ctx();
    // waits long enough that a loaded machine does not reach the next attempt early
    const slow = { ...FAST, retryDelayMs: 1_000 };
    const t0 = Date.now();
    expect(await deliver(slow)).toBe(1);
    const [queued] = await db.select().from(notificationOutbox);
    expect(queued).toMatchObject({ attempts: 1, lockedUntil: 0 });
    expect(queued!.dueAt - t0).toBeGreaterThanOrEqual(1_000);
    expect(queued!.dueAt - Date.now()).toBeLessThanOrEqual(1_000);
    // not due yet: nothing is sent
    expect(await deliver(slow)).toBe(0);
    await new Promise((r) => setTimeout(r, Math.max(0, queued!.dueAt - Date.now()) + 50));
    const t1 = Date.now();
    expect(await deliver(slow)).toBe(1);
    const [again] = await db.select().from(notificationOutbox);
    // the second wait is twice the first
    expect(again!.dueAt - t1).toBeGreaterThanOrEqual(2_000);
    await new Promise((r) => setTimeout(r, Math.max(0, again!.dueAt - Date.now()) + 50));
    expect(await deliver(slow)).toBe(1);
    expect(receiver.got.filter((r) => r.path === "/flaky")).toHaveLength(3);
    const attempts = await log(n);
    expect(attempts.map((d) => [d.jobId, d.attempt, d.status, d.responseCode])).toEqual([
      [id, 1, "failed", 500],
      [id, 2, "failed", 500],
      [id, 3, "ok", 200],
    ]);
    expect(attempts[0]!.error).toBe("HTTP 500：temporarily broken");
    expect(attempts[0]!.retryAt).not.toBeNull();
    expect(attempts[2]!.retryAt).toBeNull();
    expect(await db.select().from(notificationOutbox)).toEqual([]);
  });

  it("gives up after retryLimit retries; a robot's refusal in a 200 counts as a failure", async () => {
    const down = await notify({ name: "挂了", kind: "webhook", url: `${receiver.url}/down`, events: ["failed"] });
    const refuses = await notify({ name: "拒收", kind: "dingtalk", url: `${receiver.url}/refuses?access_token=t`, events: ["failed"] });
    await failedJob();
    const quick = { ...FAST, retryDelayMs: 1 };
    for (let i = 0; i < 6; i++) {
      await deliver(quick);
      await new Promise((r) => setTimeout(r, 20));
    }
    const downLog = await log(down);
    expect(downLog.map((d) => [d.attempt, d.status, d.responseCode, d.retryAt === null])).toEqual([
      [1, "failed", 503, false],
      [2, "failed", 503, false],
      [3, "failed", 503, true],
    ]);
    const refusedLog = await log(refuses);
    expect(refusedLog).toHaveLength(3);
    expect(refusedLog[0]!.error).toBe("机器人拒绝了消息（错误码 310000）：sign not match");
    const { db } = await ctx();
    expect(await db.select().from(notificationOutbox)).toEqual([]);
  });

  it("a job deleted before its notification went out: logged as failed, not retried", async () => {
    const n = await notify({ name: "钩子", kind: "webhook", url: `${receiver.url}/hook`, events: ["failed"] });
    const id = await failedJob();
    expect((await api("DELETE", `/api/job/job/${id}/`)).status).toBe(204);
    expect(await deliver()).toBe(1);
    expect(receiver.got).toHaveLength(0);
    expect((await log(n)).map((d) => [d.status, d.error, d.retryAt])).toEqual([["failed", `作业 #${id} 已被删除，通知未发送。`, null]]);
  });
});
