import { expect, test } from "./fixtures";
import { browserAs, createUser } from "./auth-helpers";
import { expectRows, importJob, jobCount, jobTable, pickStates, shanghai, uniq } from "./helpers";

/** Jobs with known durations (seconds), all tagged with `token` in their arguments. */
async function importDurations(request: Parameters<typeof importJob>[0], token: string, rows: [number, string][]) {
  const base = shanghai("2025-03-01T09:00:00");
  const ids: number[] = [];
  for (const [i, [seconds, state]] of rows.entries()) {
    const start = base + i * 3600;
    ids.push((await importJob(request, { arguments: `t=${token}`, state, start_time: start, finish_time: start + seconds })).id);
  }
  return ids;
}

test("the 耗时 header sorts by duration both ways, ties by id", async ({ page, request }) => {
  const token = uniq("dur");
  const [long, tieA, mid, tieB] = await importDurations(request, token, [
    [300, "successful"],
    [5, "failed"],
    [60, "successful"],
    [5, "successful"],
  ]);
  await page.goto(`/jobs?search=${token}`);
  await expect(jobTable(page).getByRole("row").nth(1)).toBeVisible({ timeout: 30_000 });
  await expectRows(page, [tieB!, mid!, tieA!, long!]);

  const header = jobTable(page).getByRole("columnheader", { name: /耗时/ });
  await expect(header).toHaveAttribute("aria-sort", "none");
  await header.getByRole("button").click();
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  await expect(page).toHaveURL(/ordering=duration/);
  await expectRows(page, [tieA!, tieB!, mid!, long!]);
  await expect(jobTable(page).getByRole("row").nth(4)).toContainText("5分0秒");

  await header.getByRole("button").click();
  await expect(header).toHaveAttribute("aria-sort", "descending");
  await expect(page).toHaveURL(/ordering=-duration/);
  await expectRows(page, [long!, mid!, tieB!, tieA!]);
  await page.reload();
  await expectRows(page, [long!, mid!, tieB!, tieA!]);
});

test("save the current filters under a name, open them again, rename, copy the link, delete", async ({ page, request, browser, baseURL }) => {
  test.setTimeout(150_000);
  const token = uniq("sv");
  const [f1, , f2, , f3] = await importDurations(request, token, [
    [30, "failed"],
    [500, "successful"],
    [90, "failed"],
    [10, "successful"],
    [5, "failed"],
  ]);
  const name = `夜间失败 ${token}`;
  await page.goto(`/jobs?search=${token}`);
  await expect(jobCount(page)).toHaveText("共 5 条", { timeout: 30_000 });
  await pickStates(page, ["失败"]);
  const header = jobTable(page).getByRole("columnheader", { name: /耗时/ });
  await header.getByRole("button").click();
  await header.getByRole("button").click();
  await page.getByLabel("每页").selectOption("50");
  await expectRows(page, [f2!, f1!, f3!]);
  const saved = new URL(page.url());

  const menuButton = page.getByRole("button", { name: "已保存的筛选" });
  await menuButton.click();
  await expect(menuButton).toHaveAttribute("aria-expanded", "true");
  const menu = page.getByRole("region", { name: "已保存的筛选" });
  await menu.getByLabel("保存当前筛选").fill(name);
  await menu.getByRole("button", { name: "保存", exact: true }).click();
  await expect(menu.getByText(`已保存 “${name}”`)).toHaveRole("status");
  const item = menu.getByRole("link", { name: `打开筛选 “${name}”` });
  await expect(item).toHaveAttribute("aria-current", "page");
  // the same name again is refused, with the API's message
  await menu.getByLabel("保存当前筛选").fill(name);
  await menu.getByRole("button", { name: "保存", exact: true }).click();
  await expect(menu.getByRole("alert")).toHaveText(`已有名为 “${name}” 的筛选。`);
  await page.screenshot({ path: "test-results/saved-filters-menu.png" });

  // cleared: every job of the token, newest first
  await page.goto(`/jobs?search=${token}`);
  await expect(jobCount(page)).toHaveText("共 5 条", { timeout: 30_000 });
  await menuButton.click();
  await menu.getByRole("link", { name: `打开筛选 “${name}”` }).click();
  await expect(menu).toBeHidden();
  await expectRows(page, [f2!, f1!, f3!]);
  await expect(jobCount(page)).toHaveText("共 3 条");
  const sorted = (u: URL) => [...u.searchParams].sort().join("&");
  await expect.poll(() => sorted(new URL(page.url()))).toBe(sorted(saved));
  await expect(page.getByLabel("每页")).toHaveValue("50");
  await expect(header).toHaveAttribute("aria-sort", "descending");

  // rename
  const renamed = `${name} 改`;
  await menuButton.click();
  await menu.getByRole("button", { name: `重命名 “${name}”` }).click();
  await menu.getByLabel("新名称").fill(renamed);
  await menu.getByRole("button", { name: "保存", exact: true }).last().click();
  await expect(menu.getByRole("link", { name: `打开筛选 “${renamed}”` })).toBeVisible();
  await expect(menu.getByRole("link", { name: `打开筛选 “${name}”` })).toHaveCount(0);

  // the copied link is the whole view: a viewer opens it and sees the same rows
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await menu.getByRole("button", { name: `复制 “${renamed}” 的链接` }).click();
  await expect(menu.getByRole("button", { name: `复制 “${renamed}” 的链接` })).toHaveText("✓ 已复制");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).origin).toBe(new URL(baseURL!).origin);
  expect(new URL(link).pathname).toBe("/jobs");
  expect(sorted(new URL(link))).toBe(sorted(saved));
  const viewerName = uniq("sv-viewer");
  await createUser(request, { username: viewerName, role: "viewer", password: "viewer-password-1" });
  const viewer = await browserAs(browser, viewerName, "viewer-password-1");
  await viewer.page.goto(link);
  await expect(jobCount(viewer.page)).toHaveText("共 3 条", { timeout: 30_000 });
  // a viewer's table has no checkbox column: the id is the first cell
  const viewerIds = async () => (await jobTable(viewer.page).locator("tbody tr td:nth-child(1)").allTextContents()).map(Number);
  await expect.poll(viewerIds).toEqual([f2!, f1!, f3!]);
  // a viewer keeps saved filters of their own: the admin's are not listed
  await viewer.page.getByRole("button", { name: "已保存的筛选" }).click();
  await expect(viewer.page.getByRole("region", { name: "已保存的筛选" })).toContainText("还没有保存的筛选");
  await viewer.context.close();

  // delete, after confirming
  await menu.getByRole("button", { name: `删除 “${renamed}”` }).click();
  const dialog = page.getByRole("dialog", { name: "删除已保存的筛选" });
  await dialog.getByRole("button", { name: "删除" }).click();
  await expect(dialog).toBeHidden();
  await expect(menu.getByRole("link", { name: `打开筛选 “${renamed}”` })).toHaveCount(0);
  const left = await request.get("/api/job/saved-filter/?search=" + encodeURIComponent(token));
  expect((await left.json()).count).toBe(0);
});
