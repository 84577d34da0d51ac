import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { notificationDeliveries, notificationOutbox, notifications } from "@/db/schema";
import { secretBox } from "@/core/crypto/secret-box";
import { api, ctx, resetDb } from "../api";
import { importBody, makeCatalog, setState } from "../fixtures";

const SECRET = "SEC-robot-signing-7f3a9c";
const SMTP_PASSWORD = "smtp-pass-Q8w2e";

/** No secret may appear in any answer. */
function expectNoSecrets(text: string) {
  for (const s of [SECRET, SMTP_PASSWORD]) expect(text).not.toContain(s);
}

let receiver: http.Server;
let received: { path: string; body: string; headers: http.IncomingHttpHeaders }[] = [];
let receiverUrl = "";

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      received.push({ path: req.url ?? "", body, headers: req.headers });
      res.writeHead(req.url?.startsWith("/fail") ? 500 : 200, { "content-type": "application/json" });
      res.end(req.url?.startsWith("/fail") ? `{"error":"receiver broke, saw ${SECRET}"}` : '{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => receiver.close(() => r())));

beforeEach(async () => {
  await resetDb();
  received = [];
});

const webhook = (extra: Record<string, unknown> = {}) => ({ name: "值班群", kind: "webhook", url: `${receiverUrl}/hook`, ...extra });
const email = (extra: Record<string, unknown> = {}) => ({
  name: "邮件",
  kind: "email",
  smtp_host: "127.0.0.1",
  smtp_port: 2525,
  smtp_tls: "none",
  smtp_username: "ops",
  smtp_password: SMTP_PASSWORD,
  smtp_from: "zuoye@example.com",
  smtp_to: ["oncall@example.com", "lead@example.com"],
  ...extra,
});

async function create(body: Record<string, unknown>) {
  const r = await api("POST", "/api/job/notification/", { json: body });
  expect(r.status, r.text).toBe(201);
  return r.body as Record<string, unknown> & { id: number };
}

describe("POST /api/job/notification/", () => {
  it("creates a DingTalk robot; its secret is stored encrypted and never returned", async () => {
    const r = await api("POST", "/api/job/notification/", {
      json: { name: "钉钉告警", kind: "dingtalk", url: `${receiverUrl}/robot/send?access_token=tok`, secret: SECRET, events: ["failed", "error", "started"] },
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toEqual({
      id: 1,
      name: "钉钉告警",
      description: "",
      kind: "dingtalk",
      enabled: true,
      events: ["failed", "error", "started"],
      all_templates: true,
      templates: [],
      url: `${receiverUrl}/robot/send?access_token=tok`,
      secret: "$encrypted$",
      smtp_host: "",
      smtp_port: 587,
      smtp_tls: "starttls",
      smtp_username: "",
      smtp_password: "",
      smtp_from: "",
      smtp_to: [],
      ctime: expect.any(Number),
    });
    expectNoSecrets(r.text);
    const { db, config } = await ctx();
    const [row] = await db.select().from(notifications).where(eq(notifications.id, 1));
    expect(row!.secret).toMatch(/^\$aes256gcm\$v1\$/);
    expect(secretBox(config).open(row!.secret)).toBe(SECRET);
    for (const path of ["/api/job/notification/", "/api/job/notification/1/", `/api/job/notification/?search=钉钉`, "/api/job/notification/?kind=dingtalk"]) {
      const got = await api("GET", path);
      expect(got.status).toBe(200);
      expectNoSecrets(got.text);
    }
  });

  it("creates an email notification with SMTP settings, its password write-only; defaults fire on failed and error", async () => {
    const body = await create(email());
    expect(body).toMatchObject({
      kind: "email",
      events: ["failed", "error"],
      smtp_host: "127.0.0.1",
      smtp_port: 2525,
      smtp_tls: "none",
      smtp_username: "ops",
      smtp_password: "$encrypted$",
      smtp_from: "zuoye@example.com",
      smtp_to: ["oncall@example.com", "lead@example.com"],
    });
    const { db, config } = await ctx();
    const [row] = await db.select().from(notifications).where(eq(notifications.id, body.id));
    expect(secretBox(config).open(row!.smtpPassword)).toBe(SMTP_PASSWORD);
    expectNoSecrets(JSON.stringify(body));
  });

  it("takes a form: lists as comma-separated values", async () => {
    const c = await makeCatalog();
    const r = await api("POST", "/api/job/notification/", {
      form: {
        name: "企业微信",
        kind: "wecom",
        url: `${receiverUrl}/cgi-bin/webhook/send?key=k`,
        events: "started, canceled",
        all_templates: "false",
        templates: String(c.template.id),
      },
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ kind: "wecom", events: ["started", "canceled"], all_templates: false, templates: [c.template.id] });
  });

  it("refuses bad input with Chinese messages and writes nothing", async () => {
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [{ kind: "webhook", url: "http://x.example/" }, { name: ["该字段是必填项。"] }],
      [{ name: "n" }, { kind: ["该字段是必填项。"] }],
      [{ name: "n", kind: "slack" }, { kind: ["“slack” 不是合法选项。"] }],
      [{ name: "n", kind: "dingtalk" }, { url: ["该类型的通知需要填写 URL（webhook 或机器人地址）。"] }],
      [{ name: "n", kind: "webhook", url: "ftp://example.com/x" }, { url: ["输入一个有效的 URL。"] }],
      [{ name: "n", kind: "webhook", url: "not a url" }, { url: ["输入一个有效的 URL。"] }],
      [
        { name: "n", kind: "email" },
        { smtp_host: ["邮件通知需要填写 SMTP 服务器。"], smtp_from: ["邮件通知需要填写发件人地址。"], smtp_to: ["邮件通知至少需要一个收件人。"] },
      ],
      [email({ smtp_from: "nobody" }), { smtp_from: ["输入一个有效的 Email 地址。"] }],
      [email({ smtp_to: ["ok@example.com", "bad address"] }), { smtp_to: ["“bad address” 不是有效的 Email 地址。"] }],
      [email({ smtp_to: "oncall@example.com" }), {}],
      [email({ smtp_port: 0 }), { smtp_port: ["请确保该值大于或者等于 1。"] }],
      [email({ smtp_tls: "ssl" }), { smtp_tls: ["“ssl” 不是合法选项。"] }],
      [webhook({ events: [] }), { events: ["列表字段不能为空值。"] }],
      [webhook({ events: ["failed", "exploded"] }), { events: ["“exploded” 不是合法选项。"] }],
      [webhook({ events: { failed: true } }), { events: ["期望为一个包含物件的列表，得到的类型是“dict”。"] }],
      [webhook({ all_templates: false }), { templates: ["请至少选择一个模板，或选择“全部模板”。"] }],
      [webhook({ all_templates: false, templates: [999] }), { templates: ["无效主键 “999” － 对象不存在。"] }],
      [webhook({ templates: ["x"] }), { templates: ["类型错误。期望为主键，获得的类型为 str。"] }],
      [webhook({ enabled: "maybe" }), { enabled: ["必须是有效的布尔值。"] }],
      [webhook({ secret: "x".repeat(513) }), { secret: ["请确保这个字段不能超过 512 个字符。"] }],
    ];
    for (const [body, errors] of cases) {
      const r = await api("POST", "/api/job/notification/", { json: body });
      if (Object.keys(errors).length === 0) {
        expect(r.status, JSON.stringify(body)).toBe(201);
        await api("DELETE", `/api/job/notification/${r.body.id}/`);
        continue;
      }
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body, JSON.stringify(body)).toEqual(errors);
    }
    expect((await api("GET", "/api/job/notification/")).body.count).toBe(0);
  });
});

describe("/api/job/notification/<id>/", () => {
  it("PATCH keeps a secret sent back as $encrypted$, replaces and clears it", async () => {
    const { id } = await create(webhook({ secret: SECRET }));
    const { db, config } = await ctx();
    const stored = async () => secretBox(config).open((await db.select().from(notifications).where(eq(notifications.id, id)))[0]!.secret);
    const keep = await api("PATCH", `/api/job/notification/${id}/`, { json: { secret: "$encrypted$", description: "改" } });
    expect(keep.status).toBe(200);
    expect(keep.body).toMatchObject({ secret: "$encrypted$", description: "改" });
    expect(await stored()).toBe(SECRET);
    await api("PATCH", `/api/job/notification/${id}/`, { json: { secret: "another-one-123" } });
    expect(await stored()).toBe("another-one-123");
    const cleared = await api("PATCH", `/api/job/notification/${id}/`, { json: { secret: "" } });
    expect(cleared.body.secret).toBe("");
  });

  it("checks what the kind needs on the result: a PATCH to email alone is refused", async () => {
    const { id } = await create(webhook());
    const r = await api("PATCH", `/api/job/notification/${id}/`, { json: { kind: "email" } });
    expect(r.status).toBe(400);
    expect(Object.keys(r.body).sort()).toEqual(["smtp_from", "smtp_host", "smtp_to"]);
    const ok = await api("PATCH", `/api/job/notification/${id}/`, { json: { kind: "email", smtp_host: "mail", smtp_from: "a@b.cn", smtp_to: ["c@d.cn"] } });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.kind).toBe("email");
  });

  it("PUT needs name and kind; GET/DELETE of an unknown id is 404", async () => {
    const { id } = await create(webhook());
    const put = await api("PUT", `/api/job/notification/${id}/`, { json: { url: `${receiverUrl}/x` } });
    expect(put.status).toBe(400);
    expect(put.body).toEqual({ name: ["该字段是必填项。"], kind: ["该字段是必填项。"] });
    const put2 = await api("PUT", `/api/job/notification/${id}/`, {
      json: { name: "新名字", kind: "feishu", url: `${receiverUrl}/open-apis/bot/v2/hook/abc` },
    });
    expect(put2.status, put2.text).toBe(200);
    expect(put2.body).toMatchObject({ name: "新名字", kind: "feishu" });
    expect((await api("GET", "/api/job/notification/999/")).status).toBe(404);
    expect((await api("DELETE", "/api/job/notification/999/")).status).toBe(404);
    expect((await api("GET", "/api/job/notification/abc/")).status).toBe(404);
  });

  it("lists with filters, search and ordering", async () => {
    await create(webhook({ name: "b 钩子" }));
    await create(email({ name: "a 邮件" }));
    const byName = await api("GET", "/api/job/notification/?ordering=name");
    expect(byName.body.results.map((n: { name: string }) => n.name)).toEqual(["a 邮件", "b 钩子"]);
    expect((await api("GET", "/api/job/notification/?kind=email")).body.count).toBe(1);
    expect((await api("GET", "/api/job/notification/?search=钩子")).body.count).toBe(1);
    const bad = await api("GET", "/api/job/notification/?kind=sms");
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ kind: ["选择一个有效的选项。 sms 不在可用的选项中。"] });
    expect((await api("GET", "/api/job/notification/?ordering=secret")).status).toBe(200);
  });
});

describe("test action and delivery log", () => {
  it("POST test/ sends a sample message now and answers the attempt; the log lists it, newest first", async () => {
    const ok = await create(webhook({ secret: SECRET }));
    const sent = await api("POST", `/api/job/notification/${ok.id}/test/`);
    expect(sent.status, sent.text).toBe(200);
    expect(sent.body).toMatchObject({ notification: ok.id, job: null, event: "test", attempt: 1, status: "ok", response_code: 200, error: "", retry_at: null });
    expect(received).toHaveLength(1);
    const payload = JSON.parse(received[0]!.body);
    expect(payload).toMatchObject({ event: "test", test: true, notification: "值班群", job: { id: 0, state: "failed" } });
    expect(payload.recap).toHaveLength(2);
    expect(received[0]!.headers["x-zuoye-signature"]).toMatch(/^sha256=[0-9a-f]{64}$/);
    expectNoSecrets(received[0]!.body);

    await api("PATCH", `/api/job/notification/${ok.id}/`, { json: { url: `${receiverUrl}/fail` } });
    const failed = await api("POST", `/api/job/notification/${ok.id}/test/`);
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({ status: "failed", response_code: 500 });
    // the receiver's answer quoted the secret: the log masks it
    expect(failed.body.error).toContain("HTTP 500");
    expect(failed.body.error).toContain("********");
    expectNoSecrets(failed.text);

    const log = await api("GET", `/api/job/notification/${ok.id}/deliveries/?limit=1`);
    expect(log.status).toBe(200);
    expect(log.body.count).toBe(2);
    expect(log.body.results).toHaveLength(1);
    expect(log.body.results[0]).toMatchObject({ status: "failed", response_code: 500 });
    expect(log.body.next).toContain("offset=1");
    const second = await api("GET", `/api/job/notification/${ok.id}/deliveries/?limit=1&offset=1`);
    expect(second.body.results[0]).toMatchObject({ status: "ok", response_code: 200 });
    expectNoSecrets(log.text + second.text);
  });

  it("a receiver that is not there: failed, no response code, the reason", async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const n = await create(webhook({ url: `http://127.0.0.1:${port}/hook` }));
    const r = await api("POST", `/api/job/notification/${n.id}/test/`);
    expect(r.body).toMatchObject({ status: "failed", response_code: null });
    expect(r.body.error).toContain("ECONNREFUSED");
  });

  it("deliveries/ of an unknown notification is 404; deleting one removes its log", async () => {
    expect((await api("GET", "/api/job/notification/5/deliveries/")).status).toBe(404);
    expect((await api("POST", "/api/job/notification/5/test/")).status).toBe(404);
    const n = await create(webhook());
    await api("POST", `/api/job/notification/${n.id}/test/`);
    expect((await api("DELETE", `/api/job/notification/${n.id}/`)).status).toBe(204);
    const { db } = await ctx();
    expect(await db.select().from(notificationDeliveries)).toEqual([]);
  });
});

describe("a job's state change queues its notifications in the same transaction", () => {
  it("queues started and final events for matching, enabled notifications only; an imported run queues nothing", async () => {
    const c = await makeCatalog();
    const other = await makeCatalog("-2");
    const every = await create(webhook({ name: "all", events: ["started", "successful", "failed", "error", "canceled"] }));
    const onlyFailed = await create(webhook({ name: "failed", events: ["failed"] }));
    const otherTemplate = await create(webhook({ name: "other", events: ["failed"], all_templates: false, templates: [other.template.id] }));
    const disabled = await create(webhook({ name: "off", events: ["failed"], enabled: false }));
    void otherTemplate;
    void disabled;

    const imported = await api("POST", "/api/job/job/", { json: importBody({ template: c.template.id, state: "failed" }) });
    expect(imported.status).toBe(201);
    const launched = await api("POST", "/api/job/job/", { json: { template: c.template.id } });
    const id = launched.body.id as number;
    await setState(id, "waiting");
    await setState(id, "running");
    await setState(id, "failed");
    const { db } = await ctx();
    const queued = (await db.select().from(notificationOutbox)).map((o) => [o.notificationId, o.jobId, o.event, o.attempts]);
    expect(queued.sort()).toEqual(
      [
        [every.id, id, "started", 0],
        [every.id, id, "failed", 0],
        [onlyFailed.id, id, "failed", 0],
      ].sort(),
    );
  });
});
