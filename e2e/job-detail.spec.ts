import { expect, test } from "./fixtures";
import type { APIRequestContext } from "@playwright/test";
import { createCredential, createInventory, createSchedule, createTemplate, importJob, shanghai, uniq } from "./helpers";

/** A finished ad-hoc run against this machine, with every option set: a re-run of it really executes. */
async function seedRunnable(request: APIRequestContext) {
  const token = uniq("dt");
  const template = await createTemplate(request, `${token} 巡检`);
  const inventory = await createInventory(request, `${token} 本机`);
  const credential = await createCredential(request, `${token} 凭据`);
  const schedule = await createSchedule(request, `${token} 每日`, template.id);
  const job = await importJob(request, {
    template: template.id,
    inventory: inventory.id,
    credential: credential.id,
    schedule: schedule.id,
    kind: "adhoc",
    module: "ping",
    arguments: "data=pong",
    inventory_str: "",
    job_type: "check",
    forks: 5,
    limit: "localhost",
    tags: "base",
    skip_tags: "slow",
    verbosity: 2,
    variables: '{"app": "order", "port": 8080}',
    become_enabled: 1,
    diff_mode: 1,
    force_handlers: 0,
    start_at_task: "",
    state: "failed",
    start_time: shanghai("2025-05-04T09:30:00"),
    finish_time: shanghai("2025-05-04T09:31:05"),
  });
  return { token, template, inventory, credential, schedule, job };
}

const field = (page: import("@playwright/test").Page, label: string) =>
  page
    .getByRole("term")
    .filter({ hasText: new RegExp(`^${label.replace(/[()]/g, "\\$&")}$`) })
    .locator("xpath=following-sibling::dd[1]");

test("a job's detail shows every field, linked to the filtered history", async ({ page, request }) => {
  const s = await seedRunnable(request);
  await page.goto(`/jobs?search=${s.token}`);
  await page.getByRole("link", { name: s.template.name }).click();
  await expect(page).toHaveURL(`/jobs/${s.job.id}`);
  await expect(page.getByRole("heading", { name: `作业 #${s.job.id}` })).toBeVisible();

  await expect(field(page, "状态")).toHaveText("失败");
  await expect(field(page, "类型")).toHaveText("临时命令");
  await expect(field(page, "模块")).toHaveText("ping");
  await expect(field(page, "参数")).toHaveText("data=pong");
  await expect(field(page, "主机清单")).toHaveText(s.inventory.name);
  await expect(field(page, "凭据")).toHaveText(s.credential.name);
  await expect(field(page, "计划任务")).toHaveText(s.schedule.name);
  await expect(field(page, "执行人")).toHaveText("管理员");
  await expect(field(page, "重新执行自")).toHaveText("—");
  await expect(field(page, "运行类型")).toHaveText("检查 (--check)");
  await expect(field(page, "并发数 (forks)")).toHaveText("5");
  await expect(field(page, "限制主机 (limit)")).toHaveText("localhost");
  await expect(field(page, "标签 (tags)")).toHaveText("base");
  await expect(field(page, "跳过标签 (skip_tags)")).toHaveText("slow");
  await expect(field(page, "详细程度 (verbosity)")).toHaveText("2 (More Verbose)");
  await expect(field(page, "提权 (become)")).toHaveText("是");
  await expect(field(page, "差异模式 (diff)")).toHaveText("是");
  await expect(field(page, "强制执行 handlers")).toHaveText("否");
  await expect(field(page, "开始时间")).toHaveText("2025-05-04 09:30:00 (UTC+8)");
  await expect(field(page, "结束时间")).toHaveText("2025-05-04 09:31:05 (UTC+8)");
  await expect(field(page, "耗时")).toHaveText("1分5秒");
  // JSON variables are pretty-printed, and can be viewed as YAML
  await expect(page.getByTestId("job-variables")).toHaveText('{\n  "app": "order",\n  "port": 8080\n}');
  await page.getByRole("button", { name: "YAML" }).click();
  await expect(page.getByTestId("job-variables")).toHaveText("app: order\nport: 8080");
  await expect(page.getByText("没有记录输出。")).toBeVisible();
  await expect(page.getByText("还没有重新执行过这个作业。")).toBeVisible();

  await field(page, "主机清单").getByRole("link").click();
  await expect(page).toHaveURL(`/jobs?inventory=${s.inventory.id}`);
  await expect(page.getByRole("combobox", { name: "主机清单", exact: true })).toHaveValue(s.inventory.name);
  await expect(page.getByTestId("job-count")).toHaveText("共 1 条");
});

test("re-run asks first, saying what it runs, then posts a copy and lands on the new job, which links back", async ({ page, request }) => {
  const s = await seedRunnable(request);
  await page.goto(`/jobs/${s.job.id}`);
  const rerun = page.getByRole("button", { name: "重新执行", exact: true });
  await rerun.click();
  const confirm = page.getByRole("dialog", { name: `重新执行作业 #${s.job.id}` });
  const summary = confirm.getByTestId("rerun-summary");
  await expect(summary.getByRole("term")).toHaveText(["模板", "主机清单", "限制主机", "主机数"]);
  await expect(summary.getByRole("definition").nth(0)).toHaveText(s.template.name);
  await expect(summary.getByRole("definition").nth(1)).toHaveText(s.inventory.name);
  await expect(summary.getByRole("definition").nth(2)).toHaveText("localhost");
  // the inventory's hosts, read from the inventory: "localhost" only
  await expect(summary.getByRole("definition").nth(3)).toHaveText("1 台");
  // Cancel posts nothing, and focus is back on the button
  await confirm.getByRole("button", { name: "取消" }).click();
  await expect(confirm).toBeHidden();
  await expect(rerun).toBeFocused();
  await expect(page).toHaveURL(`/jobs/${s.job.id}`);
  await rerun.click();
  await confirm.getByRole("button", { name: "确认重新执行" }).click();
  await expect(page).not.toHaveURL(`/jobs/${s.job.id}`);
  await expect(page).toHaveURL(/\/jobs\/\d+$/);
  const newId = Number(page.url().split("/").pop());
  expect(newId).toBeGreaterThan(s.job.id);
  await expect(page.getByRole("heading", { name: `作业 #${newId}` })).toBeVisible();
  await expect(field(page, "重新执行自")).toHaveText(`作业 #${s.job.id}`);

  const copy = await (await request.get(`/api/job/job/${newId}/`)).json();
  for (const key of [
    "template",
    "inventory",
    "credential",
    "kind",
    "module",
    "arguments",
    "job_type",
    "forks",
    "limit",
    "tags",
    "skip_tags",
    "verbosity",
    "variables",
    "become_enabled",
    "diff_mode",
    "force_handlers",
  ])
    expect(copy[key], key).toEqual(s.job[key]);
  expect(copy.schedule).toBeNull();
  expect(copy.job).toBe(s.job.id);

  await field(page, "重新执行自").getByRole("link").click();
  await expect(page).toHaveURL(`/jobs/${s.job.id}`);
  await expect(page.getByRole("region", { name: "重新执行记录" }).getByRole("link", { name: `作业 #${newId}` })).toBeVisible();
});

test("edit and re-run: change a variable, see the change, find it on the new job", async ({ page, request }) => {
  const s = await seedRunnable(request);
  await page.goto(`/jobs/${s.job.id}`);
  await page.getByRole("button", { name: "编辑并重新执行" }).click();
  const dialog = page.getByRole("dialog", { name: `编辑并重新执行作业 #${s.job.id}` });
  await expect(dialog.getByLabel("变量")).toHaveValue('{"app": "order", "port": 8080}');
  await expect(dialog.getByText("没有修改，将按原选项重新执行。")).toBeVisible();

  await dialog.getByLabel("变量").fill("app: billing\nport: 8080");
  await dialog.getByLabel("限制主机 (limit)").fill("localhost,127.0.0.1");
  await dialog.getByLabel("提权 (become)").uncheck();
  const changes = dialog.getByRole("region", { name: "与原作业相比的修改" });
  await expect(changes).toContainText("+ app: billing");
  await expect(changes).toContainText('- {"app": "order", "port": 8080}');
  await expect(changes).toContainText("限制主机 (limit): localhost → localhost,127.0.0.1");
  await expect(changes).toContainText("提权 (become): 是 → 否");

  await dialog.getByRole("button", { name: "重新执行" }).click();
  await expect(page).toHaveURL(/\/jobs\/\d+$/);
  await expect(page).not.toHaveURL(`/jobs/${s.job.id}`);
  await expect(page.getByTestId("job-variables")).toHaveText("app: billing\nport: 8080");
  await expect(field(page, "限制主机 (limit)")).toHaveText("localhost,127.0.0.1");
  await expect(field(page, "提权 (become)")).toHaveText("否");
  await expect(field(page, "重新执行自")).toHaveText(`作业 #${s.job.id}`);
});

test("validation errors from the API are shown beside their fields", async ({ page, request }) => {
  const s = await seedRunnable(request);
  await page.goto(`/jobs/${s.job.id}`);
  await page.getByRole("button", { name: "编辑并重新执行" }).click();
  const dialog = page.getByRole("dialog");
  const forks = dialog.getByLabel("并发数 (forks)");
  await forks.fill("999");
  await dialog.getByLabel("变量").fill("- not\n- a mapping");
  await dialog.getByRole("button", { name: "重新执行" }).click();
  await expect(forks).toHaveAccessibleDescription("请确保该值小于或者等于 200。");
  await expect(forks).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByLabel("变量")).toHaveAccessibleDescription("必须是 YAML 或 JSON 格式的字典（mapping）。");
  await expect(page).toHaveURL(`/jobs/${s.job.id}`);

  // an error on a field the dialog does not edit is listed at the top
  await forks.fill("10");
  await dialog.getByLabel("变量").fill("");
  await request.delete(`/api/job/credential/${s.credential.id}/`);
  await dialog.getByRole("button", { name: "重新执行" }).click();
  await expect(dialog.getByRole("alert")).toContainText(`凭据: 无效主键 “${s.credential.id}” － 对象不存在。`);
  await dialog.getByRole("button", { name: "取消" }).click();
  await expect(dialog).toBeHidden();
});

test("an unknown job id is a not-found page", async ({ page }) => {
  for (const path of ["/jobs/99999999", "/jobs/abc"]) {
    const res = await page.goto(path);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "未找到作业" })).toBeVisible();
    await expect(page.getByRole("link", { name: "返回作业历史" })).toHaveAttribute("href", "/jobs");
  }
});

test("“don't ask again” re-runs at once from then on, in this browser", async ({ page, request }) => {
  const s = await seedRunnable(request);
  await page.goto(`/jobs/${s.job.id}`);
  await page.getByRole("button", { name: "重新执行", exact: true }).click();
  const confirm = page.getByRole("dialog", { name: `重新执行作业 #${s.job.id}` });
  await confirm.getByRole("checkbox", { name: "不再询问" }).check();
  await confirm.getByRole("button", { name: "确认重新执行" }).click();
  await expect(page).toHaveURL(/\/jobs\/\d+$/);
  await expect(page).not.toHaveURL(`/jobs/${s.job.id}`);
  const first = Number(page.url().split("/").pop());

  await page.goto(`/jobs/${s.job.id}`);
  await page.getByRole("button", { name: "重新执行", exact: true }).click();
  await expect(page).toHaveURL(/\/jobs\/\d+$/);
  await expect(page).not.toHaveURL(`/jobs/${s.job.id}`);
  await expect(page).not.toHaveURL(`/jobs/${first}`);
  await expect(page.getByRole("dialog")).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem("zuoye.rerun.skip-confirm"))).toBe("1");
});

test("focus returns to the button that opened the edit-and-re-run dialog, however it closes", async ({ page, request }) => {
  const s = await seedRunnable(request);
  await page.goto(`/jobs/${s.job.id}`);
  const open = page.getByRole("button", { name: "编辑并重新执行" });
  const dialog = page.getByRole("dialog", { name: `编辑并重新执行作业 #${s.job.id}` });
  await open.click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "取消" }).click();
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();

  await open.focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
});

test("the page's title names the job and its state; English when the page is", async ({ page, request }) => {
  const s = await seedRunnable(request);
  await page.goto(`/jobs/${s.job.id}`);
  await expect(page).toHaveTitle(`作业 #${s.job.id} · 失败 — 作业任务`);
  await page.context().addCookies([{ name: "lang", value: "en", url: page.url() }]);
  await page.reload();
  await expect(page).toHaveTitle(`Job #${s.job.id} · Failed — Jobs`);
  await page.context().clearCookies({ name: "lang" });
});

test("back to the job history returns to the filtered history this tab came from", async ({ page, request }) => {
  const s = await seedRunnable(request);
  await page.goto(`/jobs/${s.job.id}`);
  // opened directly: the whole history
  await expect(page.getByRole("link", { name: "返回作业历史" })).toHaveAttribute("href", "/jobs");

  await page.goto(`/jobs?search=${s.token}&state=failed&ordering=-start_time`);
  await expect(page.getByTestId("job-count")).toHaveText("共 1 条");
  await page.getByRole("link", { name: s.template.name }).click();
  await expect(page).toHaveURL(`/jobs/${s.job.id}`);
  await page.getByRole("link", { name: "返回作业历史" }).click();
  await expect(page).toHaveURL(`/jobs?search=${s.token}&state=failed&ordering=-start_time`);
  await expect(page.getByRole("searchbox", { name: "搜索" })).toHaveValue(s.token);
  await expect(page.getByTestId("job-count")).toHaveText("共 1 条");
});
