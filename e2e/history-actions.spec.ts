import { expect, test } from "./fixtures";
import { createCredential, createInventory, expectRows, importJob, jobCount, launchJob, rowOf, uniq } from "./helpers";

test("bulk delete asks first, then deletes the selected rows", async ({ page, request }) => {
  const token = uniq("bd");
  const [a, b, c] = [
    await importJob(request, { arguments: token }),
    await importJob(request, { arguments: token, state: "failed" }),
    await importJob(request, { arguments: token }),
  ];
  await page.goto(`/jobs?search=${token}`);
  await expect(jobCount(page)).toHaveText("共 3 条");

  await page.getByRole("checkbox", { name: `选择作业 #${a.id}` }).check();
  await page.getByRole("checkbox", { name: `选择作业 #${c.id}` }).check();
  await expect(page.getByText("已选择 2 个作业")).toBeVisible();

  // cancelling the confirmation deletes nothing
  await page.getByRole("button", { name: "删除所选" }).click();
  const dialog = page.getByRole("dialog", { name: "删除作业" });
  await expect(dialog).toContainText("确定删除所选的 2 个作业");
  await dialog.getByRole("button", { name: "取消" }).click();
  await expect(dialog).toBeHidden();
  await expect(jobCount(page)).toHaveText("共 3 条");

  await page.getByRole("button", { name: "删除所选" }).click();
  await dialog.getByRole("button", { name: "确认删除" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("已删除 2 个作业。")).toBeVisible();
  await expect(jobCount(page)).toHaveText("共 1 条");
  await expectRows(page, [b.id]);
  expect((await request.get(`/api/job/job/${a.id}/`)).status()).toBe(404);

  // select-all on the page, then delete the rest
  await page.getByRole("checkbox", { name: "选择本页可删除的作业" }).check();
  await page.getByRole("button", { name: "删除所选" }).click();
  await dialog.getByRole("button", { name: "确认删除" }).click();
  await expect(page.getByText("没有符合条件的作业")).toBeVisible();
  await expect(jobCount(page)).toHaveText("共 0 条");
});

test("a running job updates in place and cannot be selected for deletion until it ends", async ({ page, request }) => {
  test.setTimeout(120_000);
  const token = uniq("lv");
  const inventory = await createInventory(request, `${token} 本机`);
  const credential = await createCredential(request, `${token} 凭据`);
  // long enough to still run when the page has loaded on a busy machine (2–5 s at load 15)
  const live = await launchJob(request, { kind: "adhoc", module: "command", arguments: "sleep 20", inventory: inventory.id, credential: credential.id });
  await page.goto(`/jobs?inventory=${inventory.id}`);
  const row = rowOf(page, live.id);
  await expect(row.getByText(/等待中|运行中/)).toBeVisible({ timeout: 20_000 });
  await expect(row.getByRole("checkbox")).toBeDisabled();
  // no reload: the history's live channel says the row changed, and the page reads it again
  await expect(row.getByText(/^(成功|失败|错误)$/)).toBeVisible({ timeout: 60_000 });
  await expect(row.getByRole("checkbox")).toBeEnabled();
});

test("a failing API shows the error and a retry, never a blank page", async ({ page, request }) => {
  const token = uniq("er");
  const job = await importJob(request, { arguments: token });
  let failing = false;
  await page.route("**/api/job/job/?*", (route) =>
    failing ? route.fulfill({ status: 500, contentType: "application/json", body: '{"detail":"服务器内部错误。"}' }) : route.fallback(),
  );
  await page.goto(`/jobs?search=${token}`);
  await expectRows(page, [job.id]);
  // the first page came with the HTML (read on the server); the next one is the browser's
  failing = true;
  await page.getByLabel("每页").selectOption("10");
  const alert = page.getByRole("main").getByRole("alert");
  // a 5xx is retried twice, 1 s and 2 s apart (components/providers.tsx), before the page
  // says it failed: on a busy machine that and the page's start take more than the default 10 s
  await expect(alert).toContainText("作业列表加载失败", { timeout: 30_000 });
  await expect(alert).toContainText("服务器内部错误。");
  failing = false;
  await alert.getByRole("button", { name: "重试" }).click();
  await expect(alert).toBeHidden();
  await expectRows(page, [job.id]);
});
