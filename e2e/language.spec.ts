import { expect, test } from "./fixtures";
import { importJob, jobCount, uniq } from "./helpers";

test("Chinese by default; English by a switch that persists across reloads and pages", async ({ page, request }) => {
  const token = uniq("ln");
  const job = await importJob(request, { arguments: token, state: "failed" });
  await page.goto(`/jobs?search=${token}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "作业历史" })).toBeVisible();
  await expect(jobCount(page)).toHaveText("共 1 条");
  await expect(page.getByRole("cell", { name: "失败" })).toBeVisible();

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Job history" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(jobCount(page)).toHaveText("1 job");
  await expect(page.getByRole("cell", { name: "Failed" })).toBeVisible();
  await expect(page.getByRole("button", { name: "State: All" })).toBeVisible();

  // the server renders the chosen language too (cookie), so a reload stays in English
  await page.reload();
  await expect(page.getByRole("heading", { name: "Job history" })).toBeVisible();
  await page.goto(`/jobs/${job.id}`);
  await expect(page.getByRole("heading", { name: `Job #${job.id}` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit and re-run" })).toBeVisible();
  const html = await (await page.request.get(`/jobs/${job.id}`)).text();
  expect(html).toContain("Edit and re-run");

  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { name: `作业 #${job.id}` })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "编辑并重新执行" })).toBeVisible();
});
