import { expect, test } from "./fixtures";
import { navigate } from "./catalog-helpers";
import { importJob, jobCount, uniq } from "./helpers";

/** 1975: older than any other test's history, so the policy below reaches only these jobs. */
const LONG_AGO = Math.floor(Date.UTC(1975, 5, 1) / 1000);
/** Days back to 1977: jobs that ended before then go. */
const DAYS_TO_1977 = Math.ceil((Date.now() / 1000 - Date.UTC(1977, 0, 1) / 1000) / 86_400);

test("the retention settings: saved, a dry run's counts, run now after a confirmation", async ({ page, request }) => {
  const token = uniq("ret");
  const old = [];
  for (let i = 0; i < 3; i++) old.push(await importJob(request, { arguments: token, start_time: LONG_AGO + i, finish_time: LONG_AGO + i + 30 }));
  const recent = await importJob(request, { arguments: token });
  try {
    await page.goto("/jobs");
    await navigate(page, "保留策略");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("保留策略");
    // the server's one policy: a run before this test (an earlier repeat) is shown, else none
    const before = (await (await request.get("/api/job/settings/retention/")).json()).last_run;
    if (before === null) await expect(page.getByText("尚未清理过")).toBeVisible();
    else await expect(page.getByTestId("retention-last-run")).toContainText(`删除 ${before.jobs} 个作业`);

    // a bad value is refused beside its field
    await page.getByLabel("作业保留天数").fill("-1");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByLabel("作业保留天数")).toHaveAccessibleDescription(/请确保该值大于或者等于 0。/);

    await page.getByLabel("作业保留天数").fill(String(DAYS_TO_1977));
    await page.getByLabel("每个模板至少保留最近的作业数").fill("0");
    await page.getByLabel("输出保留天数").fill("");
    await page.getByLabel("每日清理时间").fill("04:30");
    // dry run and run wait for the change to be saved
    await expect(page.getByRole("button", { name: "试运行" })).toBeDisabled();
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已保存保留策略。" })).toBeVisible();
    const saved = await (await request.get("/api/job/settings/retention/")).json();
    expect(saved).toMatchObject({ job_days: DAYS_TO_1977, keep_per_template: 0, output_days: null, run_at: "04:30", enabled: false });

    await page.getByRole("button", { name: "试运行" }).click();
    await expect(page.getByRole("status").filter({ hasText: "按当前策略将删除 3 个作业，并清除 0 个作业的 0 行输出。" })).toBeVisible();
    for (const j of old) expect((await request.get(`/api/job/job/${j.id}/`)).status()).toBe(200);

    // run now: the confirmation says what goes; cancelling deletes nothing
    await page.getByRole("button", { name: "立即清理" }).click();
    const dialog = page.getByRole("dialog", { name: "立即清理" });
    await expect(dialog).toContainText("将删除 3 个作业，并清除 0 个作业的 0 行输出。");
    await dialog.getByRole("button", { name: "取消" }).click();
    await expect(dialog).toBeHidden();
    expect((await request.get(`/api/job/job/${old[0]!.id}/`)).status()).toBe(200);

    await page.getByRole("button", { name: "立即清理" }).click();
    await dialog.getByRole("button", { name: "确认清理" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: "清理完成：删除 3 个作业，清除 0 个作业的 0 行输出。" })).toBeVisible();
    await expect(page.getByTestId("retention-last-run")).toContainText("（手动）：删除 3 个作业，清除 0 个作业的 0 行输出");
    for (const j of old) expect((await request.get(`/api/job/job/${j.id}/`)).status()).toBe(404);
    expect((await request.get(`/api/job/job/${recent.id}/`)).status()).toBe(200);
  } finally {
    await request.put("/api/job/settings/retention/", { data: { enabled: false, job_days: null, output_days: null, keep_per_template: 0 } });
  }
});

test("bulk delete of every job the filters match, not only the page, with the count in the confirmation", async ({ page, request }) => {
  test.setTimeout(90_000);
  const token = uniq("all");
  const ids: number[] = [];
  for (let i = 0; i < 25; i++) ids.push((await importJob(request, { arguments: token, state: i % 2 ? "failed" : "successful" })).id);
  const other = await importJob(request, { arguments: uniq("keep") });
  await page.goto(`/jobs?search=${token}&size=10`);
  await expect(jobCount(page)).toHaveText("共 25 条");

  // selecting the page offers every match, as Gmail does
  await expect(page.getByRole("button", { name: "选择全部 25 个符合条件的作业" })).toHaveCount(0);
  await page.getByRole("checkbox", { name: "选择本页可删除的作业" }).check();
  await expect(page.getByText("已选择 10 个作业")).toBeVisible();
  await page.getByRole("button", { name: "选择全部 25 个符合条件的作业" }).click();
  await expect(page.getByText("已选择全部 25 个符合条件的作业")).toBeVisible();

  await page.getByRole("button", { name: "删除全部符合条件的作业" }).click();
  const dialog = page.getByRole("dialog", { name: "删除作业" });
  await expect(dialog).toContainText("删除符合条件的 25 个作业及其输出吗？");
  await dialog.getByRole("button", { name: "确认删除" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "已删除 25 个作业。" })).toBeVisible();
  await expect(jobCount(page)).toHaveText("共 0 条");
  for (const id of [ids[0]!, ids[24]!]) expect((await request.get(`/api/job/job/${id}/`)).status()).toBe(404);
  expect((await request.get(`/api/job/job/${other.id}/`)).status()).toBe(200);
});
