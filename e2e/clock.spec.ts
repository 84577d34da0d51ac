import { mkdirSync } from "node:fs";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { browserAs, createUser } from "./auth-helpers";
import { expect, test } from "./fixtures";
import { expectRows, importJob, jobCount, jobTable, shanghai, uniq } from "./helpers";

// Issue 17: one clock. Each test has a user of its own, so a zone or display it saves
// changes no other test's pages (the admin's stays Asia/Shanghai, the browser's zone here).

const SHOTS = "docs/screenshots";

// several pages and saves each, on a machine that may be busy
test.describe.configure({ timeout: 180_000 });
const PASSWORD = "clock test password";

async function ownUser(request: APIRequestContext, browser: Browser) {
  const username = uniq("clock");
  await createUser(request, { username, role: "operator", password: PASSWORD, display_name: `时钟 ${username}` });
  return browserAs(browser, username, PASSWORD);
}

/** The start time shown in the row of job `id`. */
const startOf = (page: Page, id: number) =>
  jobTable(page)
    .locator("tbody tr")
    .filter({ has: page.locator("td:nth-child(2)", { hasText: new RegExp(`^${id}$`) }) })
    .locator("time")
    .first();

const field = (page: Page, label: string) =>
  page
    .getByRole("term")
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator("xpath=following-sibling::dd[1]");

async function chooseZone(page: Page, zone: string) {
  await page.goto("/account");
  const select = page.getByRole("combobox", { name: "时区" });
  await expect(select).toBeVisible({ timeout: 30_000 });
  await select.selectOption(zone);
  await expect(page.getByRole("region", { name: "时间显示" }).getByRole("status")).toHaveText("已保存。");
}

test("every time carries the user's zone; the zone chosen on the account page changes the times shown", async ({ browser, request }) => {
  const token = uniq("zone");
  const job = await importJob(request, { arguments: `z=${token}`, start_time: shanghai("2025-05-04T09:30:00") });
  const { context, page } = await ownUser(request, browser);

  await page.goto(`/jobs?search=${token}`);
  const cell = startOf(page, job.id);
  await expect(cell).toHaveText("2025-05-04 09:30:00 (UTC+8)", { timeout: 30_000 });
  await page.goto(`/jobs/${job.id}`);
  await expect(field(page, "开始时间")).toHaveText("2025-05-04 09:30:00 (UTC+8)", { timeout: 30_000 });
  await expect(field(page, "结束时间")).toHaveText("2025-05-04 09:30:42 (UTC+8)");

  // a new user follows the browser; the list holds every zone the browser knows
  await page.goto("/account");
  const select = page.getByRole("combobox", { name: "时区" });
  await expect(select).toHaveValue("", { timeout: 30_000 });
  await expect(select.locator("option:checked")).toHaveText("跟随浏览器（Asia/Shanghai）");
  expect(await select.locator("option").count()).toBeGreaterThan(300);

  await chooseZone(page, "America/New_York");
  expect(await (await context.request.get("/api/auth/me/")).json()).toMatchObject({ time_zone: "America/New_York" });
  await page.goto(`/jobs?search=${token}`);
  await expect(cell).toHaveText("2025-05-03 21:30:00 (UTC-4)", { timeout: 30_000 });
  await page.goto(`/jobs/${job.id}`);
  await expect(field(page, "开始时间")).toHaveText("2025-05-03 21:30:00 (UTC-4)", { timeout: 30_000 });

  await chooseZone(page, "UTC");
  await page.goto(`/jobs/${job.id}`);
  await expect(field(page, "开始时间")).toHaveText("2025-05-04 01:30:00 (UTC)", { timeout: 30_000 });
  // the overview counts its days in the same zone, and says so
  const statsAsked = page.waitForRequest((r) => r.url().includes("/api/job/stats/?") && new URL(r.url()).searchParams.get("timezone") === "UTC");
  await page.goto("/");
  await statsAsked;
  await expect(page.getByTestId("stats-zone")).toHaveText("按 UTC（UTC）的日期计", { timeout: 30_000 });

  // back to the browser's zone
  await chooseZone(page, "");
  await page.goto(`/jobs/${job.id}`);
  await expect(field(page, "开始时间")).toHaveText("2025-05-04 09:30:00 (UTC+8)", { timeout: 30_000 });
  await context.close();
});

test("relative times on request, kept current, with the exact time on hover; switched near the table and on the account page", async ({ browser, request }) => {
  // waits for a job to turn a minute old: up to a minute of the test's time
  test.setTimeout(150_000);
  const token = uniq("rel");
  const now = Math.floor(Date.now() / 1000);
  const old = await importJob(request, { arguments: `r=${token}`, start_time: now - 3 * 3600 - 60 });
  const { context, page } = await ownUser(request, browser);
  const fresh = await importJob(request, { arguments: `r=${token}`, start_time: Math.floor(Date.now() / 1000) - 15 });

  await page.goto(`/jobs?search=${token}`);
  const toggle = page.getByRole("group", { name: "时间显示方式" });
  const timeOf = (id: number) => startOf(page, id);
  await expect(timeOf(old.id)).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(UTC\+8\)$/, { timeout: 30_000 });
  await expect(toggle.getByRole("button", { name: "具体时间" })).toHaveAttribute("aria-pressed", "true");

  await toggle.getByRole("button", { name: "相对时间" }).click();
  await expect(toggle.getByRole("button", { name: "相对时间" })).toHaveAttribute("aria-pressed", "true");
  await expect(timeOf(old.id)).toHaveText("3小时前");
  const exactOld = `${new Date((old.start_time as number) * 1000 + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ")} (UTC+8)`;
  await expect(timeOf(old.id)).toHaveAttribute("title", exactOld);
  // the young one moves on by itself: seconds, then a minute
  await expect(timeOf(fresh.id)).toHaveText(/^\d+秒钟前$/);
  // it turns a minute old at start_time + 60 s, however long the steps above took
  const untilMinute = ((fresh.start_time as number) + 60) * 1000 - Date.now();
  await expect(timeOf(fresh.id)).toHaveText("1分钟前", { timeout: Math.max(untilMinute, 0) + 15_000 });
  expect(await (await context.request.get("/api/auth/me/")).json()).toMatchObject({ time_display: "relative" });

  // saved on the user: the account page shows it and switches it back
  await page.goto("/account");
  const settings = page.getByRole("region", { name: "时间显示" });
  await expect(settings.getByRole("button", { name: "相对时间" })).toHaveAttribute("aria-pressed", "true", { timeout: 30_000 });
  await expect(page.getByRole("region", { name: "账号信息" }).locator("time").first()).toHaveText(/(秒钟|分钟)前$/);
  await settings.getByRole("button", { name: "具体时间" }).click();
  await expect(settings.getByRole("button", { name: "具体时间" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("region", { name: "账号信息" }).locator("time").first()).toHaveText(/ \(UTC\+8\)$/);
  await page.goto(`/jobs?search=${token}`);
  await expect(timeOf(old.id)).toHaveText(exactOld, { timeout: 30_000 });
  await context.close();
});

test("a date-time range in the user's zone narrows the history; old day-only links still work", async ({ browser, request, page: adminPage }) => {
  const token = uniq("range");
  const early = await importJob(request, { arguments: `t=${token}`, start_time: shanghai("2024-06-01T08:00:00") });
  const middle = await importJob(request, { arguments: `t=${token}`, start_time: shanghai("2024-06-01T09:30:00") });
  const late = await importJob(request, { arguments: `t=${token}`, start_time: shanghai("2024-06-01T10:00:30") });
  const other = await importJob(request, { arguments: `t=${token}`, start_time: shanghai("2024-06-02T09:30:00") });

  await adminPage.goto(`/jobs?search=${token}`);
  await expect(jobCount(adminPage)).toHaveText("共 4 条", { timeout: 30_000 });
  await adminPage.getByLabel("开始时间从").fill("2024-06-01T09:00");
  await expect(jobCount(adminPage)).toHaveText("共 3 条");
  await adminPage.getByLabel("到", { exact: true }).fill("2024-06-01T10:00");
  // the `to` minute is inclusive to its last second
  await expectRows(adminPage, [late.id, middle.id]);
  await expect(adminPage).toHaveURL(/from=2024-06-01T09(:|%3A)00/);
  await expect(adminPage).toHaveURL(/to=2024-06-01T10(:|%3A)00/);
  await adminPage.getByLabel("到", { exact: true }).fill("2024-06-01T09:59");
  await expectRows(adminPage, [middle.id]);
  await adminPage.reload();
  await expect(adminPage.getByLabel("开始时间从")).toHaveValue("2024-06-01T09:00", { timeout: 30_000 });
  await expectRows(adminPage, [middle.id]);

  // a preset replaces the range, and the range the preset
  await adminPage.getByRole("button", { name: "30 天" }).click();
  await expect(adminPage.getByLabel("开始时间从")).toHaveValue("");
  await expect(jobCount(adminPage)).toHaveText("共 0 条");
  await adminPage.getByLabel("开始时间从").fill("2024-06-01T09:00");
  await expect(adminPage.getByRole("button", { name: "30 天" })).toHaveAttribute("aria-pressed", "false");
  await expectRows(adminPage, [other.id, late.id, middle.id]);

  // a link of before: whole days, shown as their first and last minute
  await adminPage.goto(`/jobs?search=${token}&from=2024-06-01&to=2024-06-01`);
  await expectRows(adminPage, [late.id, middle.id, early.id]);
  await expect(adminPage.getByLabel("开始时间从")).toHaveValue("2024-06-01T00:00");
  await expect(adminPage.getByLabel("到", { exact: true })).toHaveValue("2024-06-01T23:59");

  // the same wall clocks read in another zone are other instants: 01:00–02:00 UTC is 09:00–10:00 in Shanghai
  const { context, page } = await ownUser(request, browser);
  await chooseZone(page, "UTC");
  await page.goto(`/jobs?search=${token}&from=2024-06-01T01:00&to=2024-06-01T01:59`);
  await expectRows(page, [middle.id]);
  await expect(startOf(page, middle.id)).toHaveText("2024-06-01 01:30:00 (UTC)");
  await context.close();
});

test("screenshots: the history with its zones and the account page's time settings", async ({ page, request }) => {
  const token = uniq("shot");
  const now = Math.floor(Date.now() / 1000);
  for (let i = 0; i < 4; i++)
    await importJob(request, { arguments: `shot=${token}`, start_time: now - 3600 * (i + 1), state: i === 1 ? "failed" : "successful" });
  await page.goto(`/jobs?search=${token}`);
  await expect(jobCount(page)).toHaveText("共 4 条", { timeout: 30_000 });
  mkdirSync(SHOTS, { recursive: true });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SHOTS}/job-history-zones.png`, fullPage: true });
  await page.goto("/account");
  await expect(page.getByRole("combobox", { name: "时区" })).toHaveValue("Asia/Shanghai", { timeout: 30_000 });
  await page.screenshot({ path: `${SHOTS}/account.png`, fullPage: true });
});
