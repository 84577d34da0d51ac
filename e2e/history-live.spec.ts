import { expect, test } from "./fixtures";
import { createCredential, createInventory, expectRows, importJob, jobCount, launchJob, rowOf, uniq } from "./helpers";

const STREAM = "**/api/job/job/stream/";

test("new jobs come into page 1 by themselves; on another page a bar counts those matching the filters", async ({ page, request }) => {
  test.setTimeout(90_000);
  const token = uniq("nw");
  const inventory = await createInventory(request, `${token} 本机`);
  const older = [];
  for (let i = 0; i < 11; i++) older.push((await importJob(request, { inventory: inventory.id, arguments: `${token}-${i}` })).id);

  const stream = page.waitForResponse(STREAM);
  await page.goto(`/jobs?inventory=${inventory.id}&size=10`);
  await stream;
  await expect(jobCount(page)).toHaveText("共 11 条", { timeout: 30_000 });
  const first = await importJob(request, { inventory: inventory.id });
  // no reload, no click: the top of page 1 follows
  await expect(rowOf(page, first.id)).toBeVisible({ timeout: 15_000 });
  await expect(jobCount(page)).toHaveText("共 12 条");

  await page.getByRole("button", { name: "下一页" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expectRows(page, older.slice(0, 2).reverse());
  // a job of another inventory is not new to this view; the next one of this inventory is
  await importJob(request, { arguments: `${token}-other` });
  const second = await importJob(request, { inventory: inventory.id });
  const bar = page.getByRole("button", { name: "1 个新作业 · 点击显示" });
  await expect(bar).toBeVisible({ timeout: 15_000 });
  await expectRows(page, older.slice(0, 2).reverse());
  await bar.click();
  await expect(page).not.toHaveURL(/page=2/);
  await expect(rowOf(page, second.id)).toBeVisible();
  await expect(bar).toBeHidden();
});

test("a running row on screen is not polled: the page reads the list again only when a job changes", async ({ page, request }) => {
  test.setTimeout(120_000);
  const token = uniq("np");
  const inventory = await createInventory(request, `${token} 本机`);
  const credential = await createCredential(request, `${token} 凭据`);
  const live = await launchJob(request, { kind: "adhoc", module: "command", arguments: "sleep 25", inventory: inventory.id, credential: credential.id });
  const stream = page.waitForResponse(STREAM);
  await page.goto(`/jobs?inventory=${inventory.id}`);
  await expect(rowOf(page, live.id).getByText("运行中")).toBeVisible({ timeout: 20_000 });
  // the row is in the server's HTML: the page is live once its channel is open
  await stream;
  let reads = 0;
  page.on("request", (r) => {
    if (/\/api\/job\/job\/\?/.test(r.url())) reads++;
  });
  // the live rows were asked for every 2 s before the channel: 3 or 4 times in these 7 s
  await page.waitForTimeout(7_000);
  expect(reads).toBe(0);
  await expect(rowOf(page, live.id).getByText(/^(成功|失败|错误)$/)).toBeVisible({ timeout: 60_000 });
  expect(reads).toBeGreaterThan(0);
});
