import { ADMIN_STATE } from "./admin-login";
import { expect, test } from "./fixtures";
import { createInventory, importJob, jobTable, rowOf, shanghai, uniq } from "./helpers";

// The history's first page and a job's header come in the server's HTML (read with the
// session cookie on the server), then the page keeps itself up to date in the browser.

test("the first history rows and a job's header are in the server's HTML", async ({ page, request }) => {
  const token = uniq("fp");
  const job = await importJob(request, { arguments: token });
  // the page's own request: the browser's session cookie, no JavaScript run
  const history = await page.request.get("/jobs");
  expect(history.status()).toBe(200);
  const html = await history.text();
  expect(html).toContain(`href="/jobs/${job.id}"`);
  expect(html).toContain(token);
  const filtered = await (await page.request.get(`/jobs?search=${token}`)).text();
  expect(filtered).toContain("共 1 条");

  const detail = await (await page.request.get(`/jobs/${job.id}`)).text();
  expect(detail).toMatch(new RegExp(`<h1[^>]*>作业 #(<!-- -->)?${job.id}`));
  expect(detail).toContain(token);
});

test("a date-time range is read on the server in the user's chosen zone", async ({ page, request }) => {
  const token = uniq("fr");
  const inside = await importJob(request, { arguments: token, start_time: shanghai("2025-05-04T09:30:00") });
  const outside = await importJob(request, { arguments: token, start_time: shanghai("2025-05-04T10:30:00") });
  // the admin chose Asia/Shanghai: the range's walls are read in that zone, on the server
  const html = await (await page.request.get(`/jobs?search=${token}&from=2025-05-04T09:00&to=2025-05-04T10:00`)).text();
  expect(html).toContain("共 1 条");
  expect(html).toContain(`href="/jobs/${inside.id}"`);
  expect(html).not.toContain(`href="/jobs/${outside.id}"`);
});

test("without JavaScript the history shows its rows, and the job page its header", async ({ browser, request }) => {
  const token = uniq("nj");
  const job = await importJob(request, { arguments: token });
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: ADMIN_STATE });
  const page = await context.newPage();
  await page.goto("/jobs");
  await expect(rowOf(page, job.id)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("link", { name: new RegExp(token) }).first()).toBeVisible();
  await page.goto(`/jobs/${job.id}`);
  await expect(page.getByRole("heading", { name: `作业 #${job.id}`, level: 1 })).toBeVisible({ timeout: 30_000 });
  await context.close();
});

test("a session the server does not know goes to the login page", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  await context.addCookies([{ name: "zuoye_session", value: "not-a-session", url: baseURL! }]);
  const page = await context.newPage();
  await page.goto("/jobs?state=failed");
  await expect(page).toHaveURL(/\/login\?next=%2Fjobs%3Fstate%3Dfailed$/);
  await context.close();
});

test("the server-rendered history keeps updating live in the browser", async ({ page, request }) => {
  const token = uniq("lv");
  const inventory = await createInventory(request, `${token} 本机`);
  const first = await importJob(request, { inventory: inventory.id });
  const stream = page.waitForResponse("**/api/job/job/stream/");
  await page.goto(`/jobs?inventory=${inventory.id}`);
  await expect(rowOf(page, first.id)).toBeVisible({ timeout: 30_000 });
  await stream;
  const next = await importJob(request, { inventory: inventory.id });
  await expect(rowOf(page, next.id)).toBeVisible({ timeout: 15_000 });
  await expect(jobTable(page).getByRole("row")).toHaveCount(3);
});

test("the header's sections are prefetched when pointed at, not all at every page load", async ({ page }) => {
  const prefetched: string[] = [];
  page.on("request", (r) => {
    if (r.headers()["next-router-prefetch"] !== undefined) prefetched.push(new URL(r.url()).pathname);
  });
  await page.goto("/jobs");
  // Next prefetched the links in view right after hydrating: ten sections, two requests each
  await page.waitForTimeout(2_000);
  expect(prefetched).toEqual([]);
  const nav = page.getByRole("navigation", { name: "主导航" });
  await nav.getByRole("link", { name: "模板" }).hover();
  await expect.poll(() => prefetched).toContain("/templates");
  expect(prefetched.filter((p) => p !== "/templates")).toEqual([]);
  await nav.getByRole("link", { name: "模板" }).click();
  await expect(page).toHaveURL(/\/templates$/);
  await expect(page.getByRole("heading", { name: "模板", level: 1 })).toBeVisible();
});
