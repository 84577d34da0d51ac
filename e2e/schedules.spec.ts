import { mkdirSync } from "node:fs";
import { expect, test } from "./fixtures";
import { jobCount, pick } from "./helpers";
import { navigate, seedRunnableTemplate, tag } from "./catalog-helpers";

const SHOTS = "docs/screenshots";

test("a schedule made in the browser: bad cron refused beside the field, run now, its jobs, disabled from the list", async ({ page, request }) => {
  test.setTimeout(120_000);
  const t = tag();
  // the schedule's tags override takes effect: the template asks for tags at launch
  const template = await seedRunnableTemplate(request, `巡检 ${t}`, { ask_tags_on_launch: true });

  await page.goto("/jobs");
  await navigate(page, "计划任务");
  await page.getByRole("link", { name: "新建计划任务" }).first().click();
  await page.getByLabel("名称").fill(`每日巡检 ${t}`);
  await pick(page, "模板", template.name);
  await expect(page.getByLabel("时区")).toHaveValue("Asia/Shanghai");
  await expect(page.getByRole("checkbox", { name: "启用" })).toBeChecked();
  // the overrides show what the template would give
  await expect(page.getByLabel("限制主机 (limit)")).toHaveAttribute("placeholder", "沿用模板：（空）");

  const cron = page.getByLabel("Cron 表达式");
  await cron.fill("61 * * * *");
  await expect(page.getByText("这个表达式无法解析。")).toBeVisible();
  await page.getByRole("button", { name: "创建" }).click();
  await expect(cron).toHaveAccessibleDescription(/^无效的 cron 表达式：/);
  await expect(page).toHaveURL("/schedules/new");

  await cron.fill("30 9 * * 1-5");
  await expect(page.getByTestId("cron-words")).toHaveText("每周一至周五 09:30");
  await expect(page.getByText(/接下来的运行时间（Asia\/Shanghai）：\d{4}-\d\d-\d\d 09:30、/)).toBeVisible();
  await page.getByLabel("标签 (tags)").fill("daily");
  await page.getByRole("button", { name: "创建" }).click();
  await expect(page).toHaveURL(/\/schedules\/\d+$/);
  const scheduleId = Number(page.url().split("/").pop());
  await expect(page.getByTestId("next-run")).toHaveText(/^\d{4}-\d\d-\d\d 09:30:00 \(UTC\+8\)$/);
  const saved = await (await request.get(`/api/job/schedule/${scheduleId}/`)).json();
  expect(saved).toMatchObject({
    template: template.id,
    cron: "30 9 * * 1-5",
    timezone: "Asia/Shanghai",
    enabled: true,
    tags: "daily",
    limit: null,
    next_run: expect.any(Number),
  });

  // run now: the job starts at once, and the schedule's jobs are a link away
  await page.getByRole("button", { name: `立即运行「每日巡检 ${t}」` }).click();
  const started = page.getByRole("status").filter({ hasText: /已启动作业 #\d+。/ });
  await expect(started).toBeVisible();
  const jobId = Number((await started.textContent())!.match(/#(\d+)/)![1]);
  await expect(page.getByRole("link", { name: new RegExp(` #${jobId}$`) })).toHaveAttribute("href", `/jobs/${jobId}`);
  await page.getByRole("link", { name: "该计划的作业" }).click();
  await expect(page).toHaveURL(`/jobs?schedule=${scheduleId}`);
  await expect(jobCount(page)).toHaveText("共 1 条");
  await expect(page.getByRole("table", { name: "作业列表" }).getByRole("row").filter({ hasText: template.name })).toHaveCount(1);
  const job = await (await request.get(`/api/job/job/${jobId}/`)).json();
  expect(job).toMatchObject({ schedule: scheduleId, schedule_name: `每日巡检 ${t}`, template: template.id, tags: "daily" });

  // disabled from the list, which shows its last run: the job's state (followed to its end), linked to it
  await navigate(page, "计划任务");
  await page.getByLabel("搜索").fill(t);
  const row = page.getByRole("row").filter({ hasText: `每日巡检 ${t}` });
  await expect(row.getByRole("link", { name: `成功 #${jobId}` })).toHaveAttribute("href", `/jobs/${jobId}`, { timeout: 60_000 });
  const toggle = row.getByRole("switch", { name: `启用「每日巡检 ${t}」` });
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await expect(row).toContainText("已停用");
  // the switch turns at the click; the next run goes once the server has answered
  await expect(row).toContainText("—（已停用）");
  expect(await (await request.get(`/api/job/schedule/${scheduleId}/`)).json()).toMatchObject({ enabled: false, next_run: null });
});

test("run now that cannot launch shows why, and the schedule keeps it as last_error; screenshot of the list", async ({ page, request }) => {
  test.setTimeout(90_000);
  const t = tag();
  const template = await seedRunnableTemplate(request, `备份 ${t}`);
  const broken = await seedRunnableTemplate(request, `清理 ${t}`, { playbook: "cleanup.yml" });
  const post = async (data: Record<string, unknown>) => (await (await request.post("/api/job/schedule/", { data })).json()) as { id: number };
  await post({ name: `夜间备份 ${t}`, template: template.id, cron: "0 2 * * *" });
  await post({ name: `每小时健康检查 ${t}`, template: template.id, cron: "*/15 * * * *", timezone: "UTC", limit: "localhost" });
  await post({ name: `月初归档 ${t}`, template: template.id, cron: "0 3 1 * *", enabled: false });
  await post({ name: `日志清理 ${t}`, template: broken.id, cron: "30 4 * * 0" });

  await page.goto("/schedules");
  await page.getByLabel("搜索").fill(t);
  await expect(page.getByTestId("catalog-count")).toHaveText("共 4 条");
  await page.getByRole("button", { name: `立即运行「日志清理 ${t}」` }).click();
  const alert = page.getByRole("alert").filter({ hasText: `无法运行「日志清理 ${t}」` });
  await expect(alert).toContainText("无法启动作业：playbook: 项目中不存在 playbook “cleanup.yml”。");
  const row = page.getByRole("row").filter({ hasText: `日志清理 ${t}` });
  await expect(row).toContainText("上次错误");
  await expect(row).toContainText("从未运行");

  await page.getByRole("link", { name: `日志清理 ${t}`, exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "上次错误" })).toContainText("项目中不存在 playbook “cleanup.yml”");

  await page.goto("/schedules");
  await page.getByLabel("搜索").fill(t);
  await expect(page.getByTestId("catalog-count")).toHaveText("共 4 条");
  await expect(page.getByRole("row").filter({ hasText: `夜间备份 ${t}` })).toContainText("每天 02:00");
  mkdirSync(SHOTS, { recursive: true });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SHOTS}/schedules.png`, fullPage: true });
});
