import { expect, test } from "./fixtures";
import { createTemplate, importJob, uniq } from "./helpers";

type Stats = {
  total: { jobs: number; success_rate: number | null; duration_p50: number | null };
  failing_templates: { template: number; template_name: string; failed: number; error: number }[];
  failing_hosts: { host: string }[];
};

test("the overview: totals as the stats API counts them, trends, what fails most, what runs; a template's trend", async ({ page, request }) => {
  const token = uniq("dash");
  const template = await createTemplate(request, `${token} 部署`);
  const now = Math.floor(Date.now() / 1000);
  // this template fails more than any other: 12 failed runs today, or one more than the
  // template failing most so far (a repeated run on the same server finds its earlier one)
  const before = (await (await request.get("/api/job/stats/?days=14")).json()) as Stats;
  const leader = before.failing_templates[0];
  const fails = Math.max(12, leader ? leader.failed + leader.error + 1 : 0);
  for (let i = 0; i < fails; i++) await importJob(request, { template: template.id, state: "failed", start_time: now - 600 - i, arguments: token });
  for (const seconds of [30, 60, 90])
    await importJob(request, { template: template.id, start_time: now - 300, finish_time: now - 300 + seconds, arguments: token });
  await importJob(request, { template: template.id, state: "canceled", start_time: now - 200, arguments: token });

  const stats = (await (await request.get("/api/job/stats/?days=14")).json()) as Stats;
  expect(stats.failing_templates[0]).toMatchObject({ template: template.id, template_name: `${token} 部署` });

  await page.goto("/");
  await expect(page).toHaveTitle(/概览/);
  await expect(page.getByRole("heading", { name: "概览", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation").getByRole("link", { name: "概览" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("stat-已结束作业")).toHaveText(String(stats.total.jobs));
  await expect(page.getByTestId("stats-zone")).toHaveText("按 Asia/Shanghai（UTC+8）的日期计");
  await expect(page.getByTestId("stat-成功率")).toHaveText(`${(stats.total.success_rate! * 100).toFixed(1)}%`);
  // both charts are drawn, with 14 days on their axis
  for (const chart of ["outcome-chart", "duration-chart"]) await expect(page.getByTestId(chart).locator("svg")).toBeVisible();
  await expect(page.getByTestId("outcome-chart")).toHaveAttribute("aria-label", new RegExp(`最近 14 天每日作业结果：共 ${stats.total.jobs} 个`));

  const failing = page.getByTestId("failing-templates");
  await expect(failing.getByRole("listitem").first()).toContainText(`${token} 部署`);
  await expect(failing.getByRole("listitem").first()).toContainText(`${fails} 共 ${fails + 4} 次`);
  const hosts = page.getByTestId("failing-hosts");
  if (stats.failing_hosts.length) await expect(hosts.getByRole("listitem")).toHaveCount(stats.failing_hosts.length);
  else await expect(hosts).toContainText("这段时间没有失败。");
  await expect(page.getByTestId("running-now")).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/dashboard.png", fullPage: true });

  // another period: in the URL, and asked of the API
  const asked = page.waitForRequest((r) => r.url().includes("/api/job/stats/?days=30"));
  await page.getByRole("button", { name: "最近 30 天" }).click();
  await asked;
  await expect(page).toHaveURL(/\/\?days=30$/);
  await expect(page.getByRole("button", { name: "最近 30 天" })).toHaveAttribute("aria-pressed", "true");

  // a failing template opens its failed jobs in the history
  await failing.getByRole("link", { name: `${token} 部署` }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs\\?template=${template.id}&state=failed(,|%2C)error$`));
  await expect(page.getByTestId("job-count")).toContainText(String(fails));

  // the template's page shows its own 30 days
  await page.goto(`/templates/${template.id}`);
  const trend = page.getByTestId("template-trend");
  await expect(trend.getByTestId("template-trend-summary")).toHaveText(
    `已结束作业 ${fails + 4} · 成功率 ${((3 / (fails + 3)) * 100).toFixed(1)}% · 耗时中位数 1分0秒`,
  );
  await expect(trend.getByTestId("outcome-chart").locator("svg")).toBeVisible();
  await expect(trend.getByTestId("stats-zone")).toHaveText("按 Asia/Shanghai（UTC+8）的日期计");
});
