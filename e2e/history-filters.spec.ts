import { expect, test } from "./fixtures";
import type { APIRequestContext } from "@playwright/test";
import {
  clearPick,
  createCredential,
  createInventory,
  createSchedule,
  createTemplate,
  expectRows,
  importJob,
  jobCount,
  jobTable,
  pick,
  pickStates,
  shanghai,
  uniq,
} from "./helpers";

/** Eight jobs over two of each referenced object; every job carries the token in its arguments. */
async function seedHistory(request: APIRequestContext) {
  const token = uniq("hf");
  const [tA, tB] = [await createTemplate(request, `${token} 模板A`), await createTemplate(request, `${token} 模板B`)];
  const [iA, iB] = [await createInventory(request, `${token} 清单A`), await createInventory(request, `${token} 清单B`)];
  const [cA, cB] = [await createCredential(request, `${token} 凭据A`), await createCredential(request, `${token} 凭据B`)];
  const sA = await createSchedule(request, `${token} 计划A`, tA.id);
  const rows: [typeof tA | null, typeof iA | null, typeof cA | null, typeof sA | null, string, string][] = [
    [tA, iA, cA, sA, "successful", "adhoc"],
    [tA, iB, cA, null, "failed", "adhoc"],
    [tB, iA, cB, null, "successful", "job"],
    [null, iB, cB, null, "failed", "job"],
    [tA, iA, cB, sA, "successful", "adhoc"],
    [null, null, null, null, "canceled", "adhoc"],
    [tB, iB, cA, null, "error", "job"],
    [tA, iA, cA, null, "failed", "adhoc"],
  ];
  const base = shanghai("2025-06-01T08:00:00");
  const jobs = [];
  for (const [i, [t, inv, c, s, state, kind]] of rows.entries()) {
    jobs.push(
      await importJob(request, {
        template: t?.id ?? null,
        inventory: inv?.id ?? null,
        credential: c?.id ?? null,
        schedule: s?.id ?? null,
        state,
        kind,
        start_time: base + i * 3600 * 5,
        arguments: `data=${token}`,
        ...(kind === "job" ? { playbook: `site-${i}.yml`, module: "" } : {}),
      }),
    );
  }
  const ids = jobs.map((j) => j.id) as [number, number, number, number, number, number, number, number];
  return { token, tA, tB, iA, iB, cA, cB, sA, ids };
}

test("each seed filter narrows the rows and the count; filters combine", async ({ page, request }) => {
  const s = await seedHistory(request);
  const [j1, j2, j3, j4, j5, j6, j7, j8] = s.ids;
  await page.goto(`/jobs?search=${s.token}`);
  await expect(jobCount(page)).toHaveText("共 8 条");
  await expectRows(page, [j8, j7, j6, j5, j4, j3, j2, j1]);

  await pick(page, "模板", s.tA.name);
  await expect(jobCount(page)).toHaveText("共 4 条");
  await expectRows(page, [j8, j5, j2, j1]);
  await expect(page).toHaveURL(new RegExp(`template=${s.tA.id}`));

  await pickStates(page, ["失败"]);
  await expect(jobCount(page)).toHaveText("共 2 条");
  await expectRows(page, [j8, j2]);

  await pick(page, "主机清单", s.iA.name);
  await expect(jobCount(page)).toHaveText("共 1 条");
  await expectRows(page, [j8]);

  await clearPick(page, "模板");
  await pickStates(page, []);
  await clearPick(page, "主机清单");
  await expect(jobCount(page)).toHaveText("共 8 条");

  await pick(page, "主机清单", s.iB.name);
  await expectRows(page, [j7, j4, j2]);
  await clearPick(page, "主机清单");

  await pick(page, "凭据", s.cB.name);
  await expect(jobCount(page)).toHaveText("共 3 条");
  await expectRows(page, [j5, j4, j3]);
  await clearPick(page, "凭据");

  await pick(page, "计划任务", s.sA.name);
  await expect(jobCount(page)).toHaveText("共 2 条");
  await expectRows(page, [j5, j1]);
  await clearPick(page, "计划任务");

  await page.getByLabel("类型", { exact: true }).selectOption("job");
  await expect(jobCount(page)).toHaveText("共 3 条");
  await expectRows(page, [j7, j4, j3]);
  await pickStates(page, ["错误"]);
  await expectRows(page, [j7]);
  await expect(jobCount(page)).toHaveText("共 1 条");

  // the combination survives a reload
  await page.reload();
  await expect(page.getByLabel("类型", { exact: true })).toHaveValue("job");
  await expect(page.getByRole("button", { name: /^状态：/ })).toHaveAccessibleName("状态：错误");
  await expectRows(page, [j7]);
});

test("text search and start-date range", async ({ page, request }) => {
  const token = uniq("ds");
  const early = await importJob(request, { arguments: `data=${token}`, start_time: shanghai("2024-03-10T10:00:00") });
  const late = await importJob(request, { arguments: `data=${token}`, start_time: shanghai("2024-03-20T23:30:00") });
  const other = await importJob(request, { module: "setup", arguments: `filter=${token}`, start_time: shanghai("2024-03-21T00:10:00") });

  await page.goto("/jobs");
  await page.getByLabel("搜索").fill(token);
  await expect(jobCount(page)).toHaveText("共 3 条");
  await expect(page).toHaveURL(new RegExp(`search=${token}`));

  await page.getByLabel("开始时间从").fill("2024-03-15T00:00");
  await expect(jobCount(page)).toHaveText("共 2 条");
  await page.getByLabel("到", { exact: true }).fill("2024-03-20T23:59");
  await expectRows(page, [late.id]);
  await page.getByLabel("开始时间从").fill("");
  await expectRows(page, [late.id, early.id]);

  await page.getByLabel("搜索").fill(`setup ${token}`);
  await page.getByLabel("到", { exact: true }).fill("");
  await expectRows(page, [other.id]);
});

test("column headers sort both ways; pages and page size; back and reload keep the state", async ({ page, request }) => {
  const token = uniq("pg");
  const jobs: { id: number; start: number }[] = [];
  for (let i = 0; i < 12; i++) {
    // start times a permutation of the ids' order, so every sort shows a different page
    const start = shanghai("2025-01-01T00:00:00") + ((i * 5) % 12) * 600;
    jobs.push({ id: (await importJob(request, { arguments: `n=${i} ${token}`, start_time: start })).id, start });
  }
  const by = (f: (a: (typeof jobs)[0], b: (typeof jobs)[0]) => number) => [...jobs].sort(f).map((j) => j.id);
  const idDesc = by((a, b) => b.id - a.id);
  const idAsc = by((a, b) => a.id - b.id);
  const startAsc = by((a, b) => a.start - b.start);
  const startDesc = by((a, b) => b.start - a.start);

  await page.goto(`/jobs?search=${token}`);
  await page.getByLabel("每页").selectOption("10");
  await expect(page).toHaveURL(/size=10/);
  await expectRows(page, idDesc.slice(0, 10));
  await expect(page.getByText("第 1 / 2 页")).toBeVisible();

  const header = jobTable(page).getByRole("columnheader", { name: /开始时间/ });
  await header.getByRole("button").click();
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  await expectRows(page, startAsc.slice(0, 10));
  await header.getByRole("button").click();
  await expect(header).toHaveAttribute("aria-sort", "descending");
  await expectRows(page, startDesc.slice(0, 10));

  const idHeader = jobTable(page).getByRole("columnheader", { name: /ID/ });
  await idHeader.getByRole("button").click();
  await expect(idHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(header).toHaveAttribute("aria-sort", "none");
  await expectRows(page, idAsc.slice(0, 10));

  await page.getByRole("button", { name: "下一页" }).click();
  await expect(page.getByText("第 2 / 2 页")).toBeVisible();
  await expectRows(page, idAsc.slice(10));
  await expect(page).toHaveURL(/page=2/);

  await page.reload();
  await expectRows(page, idAsc.slice(10));
  await expect(idHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(page.getByLabel("每页")).toHaveValue("10");

  await page.goBack();
  await expectRows(page, idAsc.slice(0, 10));
  await page.goBack();
  await expectRows(page, startDesc.slice(0, 10));
  await page.goForward();
  await page.getByRole("button", { name: "下一页" }).click();
  await expectRows(page, idAsc.slice(10));
  await page.getByRole("button", { name: "上一页" }).click();
  await expectRows(page, idAsc.slice(0, 10));
});

test("nonsense filters in the URL are dropped, not an error page", async ({ page, request }) => {
  await importJob(request, { arguments: uniq("ns") });
  const res = await page.goto("/jobs?state=bogus&template=abc&page=-3&size=7&ordering=nope&from=2024-02-31");
  expect(res?.status()).toBe(200);
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(page.getByRole("button", { name: /^状态：/ })).toHaveAccessibleName("状态：全部");
  await expect(page.getByRole("combobox", { name: "模板", exact: true })).toHaveValue("");
  await expect(jobTable(page)).toBeVisible();
  await expect(page.getByText("第 1 /")).toBeVisible();

  // valid filters next to invalid ones are kept
  await page.goto("/jobs?kind=adhoc&state=bogus");
  await expect(page).toHaveURL(/\/jobs\?kind=adhoc$/);
  await expect(page.getByLabel("类型", { exact: true })).toHaveValue("adhoc");
});

test("the overview links to the history", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation").getByRole("link", { name: "作业", exact: true }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(page.getByRole("heading", { name: "作业历史" })).toBeVisible();
});

test("a skip link goes straight to the job list, past the filters", async ({ page, request }) => {
  const token = uniq("skip");
  await importJob(request, { arguments: token });
  await page.goto(`/jobs?search=${token}`);
  await expect(jobCount(page)).toHaveText("共 1 条");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "跳到主要内容" })).toBeFocused();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "跳到作业列表" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("#job-list")).toBeFocused();
  // the next stop is in the table, not in the filters
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.closest("#job-list") !== null)).toBe(true);
  // only the history has it
  await page.goto("/hosts");
  await expect(page.getByRole("link", { name: "跳到作业列表" })).toHaveCount(0);
});

test("triage: several states at once, and the last hour or day whatever the date", async ({ page, request }) => {
  const token = uniq("tr");
  const now = Math.floor(Date.now() / 1000);
  const failed = await importJob(request, { arguments: token, state: "failed", start_time: now - 600 });
  const errored = await importJob(request, { arguments: token, state: "error", start_time: now - 7200 });
  const ok = await importJob(request, { arguments: token, state: "successful", start_time: now - 300 });
  const old = await importJob(request, { arguments: token, state: "failed", start_time: now - 3 * 86_400 });

  await page.goto(`/jobs?search=${token}`);
  // the first rows wait for the page's scripts: 10–15 s on a machine at load 20
  await expect(jobCount(page)).toHaveText("共 4 条", { timeout: 30_000 });
  await pickStates(page, ["失败", "错误"]);
  await expect(page).toHaveURL(/state=failed(,|%2C)error/);
  await expect(jobCount(page)).toHaveText("共 3 条");
  await expectRows(
    page,
    [old.id, errored.id, failed.id].sort((a, b) => b - a),
  );

  const presets = page.getByRole("group", { name: "最近" });
  await presets.getByRole("button", { name: "24 小时" }).click();
  await expect(page).toHaveURL(/since=24h/);
  await expect(jobCount(page)).toHaveText("共 2 条");
  await presets.getByRole("button", { name: "1 小时" }).click();
  await expect(presets.getByRole("button", { name: "1 小时" })).toHaveAttribute("aria-pressed", "true");
  await expectRows(page, [failed.id]);
  // the link means "the last hour" when opened later, not the hour it was copied in
  await page.reload();
  await expect(jobCount(page)).toHaveText("共 1 条", { timeout: 30_000 });
  await expectRows(page, [failed.id]);
  await pickStates(page, []);
  await expectRows(page, [ok.id, failed.id]);
  await presets.getByRole("button", { name: "1 小时" }).click();
  await expect(page).not.toHaveURL(/since=/);
  await expect(jobCount(page)).toHaveText("共 4 条");
});
