import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures";
import { navigate, tag } from "./catalog-helpers";
import type { Job, Named } from "./helpers";
import { createProject, launchTemplate, LOCAL_HOST, post, waitForState } from "./project-helpers";

/** A receiver on 127.0.0.1 the app posts to: 200 on /hook, 500 on /broken. */
async function startReceiver() {
  const got: { path: string; body: string; headers: http.IncomingHttpHeaders }[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      got.push({ path: req.url ?? "", body, headers: req.headers });
      res.writeHead(req.url === "/broken" ? 500 : 200, { "content-type": "text/plain" });
      res.end(req.url === "/broken" ? "receiver is down" : "ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, got, close: () => new Promise<void>((r) => server.close(() => r())) };
}

test("a webhook notification: created in the form, tested, its delivery log", async ({ page, request }) => {
  const receiver = await startReceiver();
  let id: number | undefined;
  try {
    const t = tag();
    const secret = `hook-secret-${t}-xyz`;
    await page.goto("/jobs");
    await navigate(page, "通知");
    await page.getByRole("link", { name: "新建通知" }).first().click();

    // refused without a URL, the message beside the field
    await page.getByLabel("名称").fill(`值班群 ${t}`);
    await page.getByLabel("类型").selectOption("webhook");
    await page.getByRole("button", { name: "创建" }).click();
    await expect(page.getByLabel("URL")).toHaveAccessibleDescription(/^该类型的通知需要填写 URL/);

    await page.getByLabel("URL").fill(`${receiver.url}/hook`);
    await page.getByLabel("签名密钥").fill(secret);
    await page.getByRole("checkbox", { name: "开始运行" }).check();
    await page.getByRole("button", { name: "创建" }).click();
    await expect(page).toHaveURL(/\/notifications\/\d+$/);
    id = Number(page.url().split("/").pop());
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`通知：值班群 ${t}`);
    await expect(page.getByText("已设置", { exact: true })).toHaveCount(1);
    await expect(page.getByText("还没有发送记录。")).toBeVisible();
    expect(await page.content()).not.toContain(secret);
    const stored = await (await request.get(`/api/job/notification/${id}/`)).json();
    expect(stored).toMatchObject({ kind: "webhook", secret: "$encrypted$", events: ["started", "failed", "error"], enabled: true });

    // 发送测试: delivered, said under the button, and logged
    await page.getByRole("button", { name: "发送测试" }).click();
    await expect(page.getByRole("status").filter({ hasText: "测试消息已送达（响应 200）。" })).toBeVisible();
    expect(receiver.got).toHaveLength(1);
    expect(JSON.parse(receiver.got[0]!.body)).toMatchObject({ event: "test", test: true, notification: `值班群 ${t}` });
    expect(receiver.got[0]!.headers["x-zuoye-signature"]).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(receiver.got[0]!.body).not.toContain(secret);
    const log = page.getByRole("table", { name: "发送记录" });
    await expect(log.getByRole("row")).toHaveCount(2);
    await expect(log.getByRole("row").nth(1)).toContainText("测试");
    await expect(log.getByRole("row").nth(1)).toContainText("成功");
    await expect(log.getByRole("row").nth(1)).toContainText("200");

    // a receiver that fails: the reason under the button and in the log, newest first
    await page.getByLabel("URL").fill(`${receiver.url}/broken`);
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已保存。" })).toBeVisible();
    await page.getByRole("button", { name: "发送测试" }).click();
    await expect(page.getByRole("status").filter({ hasText: "测试消息发送失败（500）：HTTP 500：receiver is down" })).toBeVisible();
    await expect(log.getByRole("row")).toHaveCount(3);
    await expect(log.getByRole("row").nth(1)).toContainText("失败");
    await expect(log.getByRole("row").nth(1)).toContainText("HTTP 500：receiver is down");
    await expect(log.getByRole("row").nth(2)).toContainText("成功");

    // the list: its kind, where it sends, its events
    await navigate(page, "通知");
    const row = page
      .getByRole("table", { name: "通知列表" })
      .getByRole("row")
      .filter({ hasText: `值班群 ${t}` });
    await expect(row).toContainText("Webhook（JSON）");
    await expect(row).toContainText("开始运行、失败、出错");
    await expect(row).toContainText("已启用");
  } finally {
    // it fires on every template: later tests' jobs must not send to a closed receiver
    if (id !== undefined) await request.delete(`/api/job/notification/${id}/`);
    await receiver.close();
  }
});

test("a failed run's message links to its job with the re-run of the failed hosts one click away", async ({ page, request }) => {
  test.setTimeout(90_000);
  const receiver = await startReceiver();
  let notification: Named | undefined;
  try {
    const t = tag();
    const failing = '- hosts: all\n  gather_facts: false\n  tasks:\n    - name: deploy\n      ansible.builtin.fail: { msg: "it broke" }\n';
    const project = await createProject(request, `通知项目 ${t}`, `notify-${t}`, { "fail.yml": failing });
    const inventory = await post<Named>(request, "/api/job/inventory/", { name: `通知本机 ${t}`, content: LOCAL_HOST });
    const credential = await post<Named>(request, "/api/job/credential/", { name: `通知凭据 ${t}`, username: "root" });
    const template = await post<Named>(request, "/api/job/template/", {
      name: `通知模板 ${t}`,
      project: project.id,
      inventory: inventory.id,
      credential: credential.id,
      playbook: "fail.yml",
    });
    notification = await post<Named>(request, "/api/job/notification/", {
      name: `只管这个模板 ${t}`,
      kind: "webhook",
      url: `${receiver.url}/hook`,
      events: ["failed"],
      all_templates: false,
      templates: [template.id],
    });
    const job = await launchTemplate(request, template);
    expect(await waitForState(request, job.id, ["successful", "failed", "error"])).toBe("failed");
    await expect.poll(() => receiver.got.length, { timeout: 20_000 }).toBe(1);
    const message = JSON.parse(receiver.got[0]!.body);
    expect(message).toMatchObject({ event: "failed", failed_hosts: ["localhost"], first_failure: { host: "localhost", task: "deploy", message: "it broke" } });

    // the link (on PUBLIC_URL, else localhost:PORT) opens the job and asks before re-running
    const link = new URL(message.rerun_failed_url as string);
    expect(`${link.pathname}${link.search}`).toBe(`/jobs/${job.id}?rerun=failed`);
    await page.goto(`${link.pathname}${link.search}`);
    const dialog = page.getByRole("dialog", { name: "重新执行失败主机？" });
    await expect(dialog).toContainText("localhost");
    await dialog.getByRole("button", { name: "重新执行失败主机" }).click();
    await expect(page).toHaveURL(/\/jobs\/\d+$/);
    const newId = Number(page.url().split("/").pop());
    expect(newId).not.toBe(job.id);
    const rerun = (await (await request.get(`/api/job/job/${newId}/`)).json()) as Job;
    expect(rerun).toMatchObject({ job: job.id, limit: "localhost" });
  } finally {
    if (notification) await request.delete(`/api/job/notification/${notification.id}/`);
    await receiver.close();
  }
});
