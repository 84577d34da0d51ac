import { ADMIN_STATE } from "./admin-login";
import { expect, test } from "./fixtures";
import { importJob, jobTable, uniq } from "./helpers";

// The history is a table on a wide screen and a list of cards on a phone. The server sends
// one of them (its guess from the request's headers), the browser then follows its width.

const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
const cards = (page: import("@playwright/test").Page) => page.getByRole("list", { name: "作业列表" });

test("the server's HTML carries the rows once: a table for a desktop, cards for a phone", async ({ page, browser, request }) => {
  const token = uniq("ph");
  const job = await importJob(request, { arguments: token });
  const link = `href="/jobs/${job.id}"`;
  const desktop = await (await page.request.get(`/jobs?search=${token}`)).text();
  expect(desktop.split(link).length - 1).toBe(1);
  expect(desktop).toContain("<table");

  const phone = await browser.newContext({ storageState: ADMIN_STATE, userAgent: IPHONE, viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  const html = await (await phone.request.get(`/jobs?search=${token}`, { headers: { "user-agent": IPHONE } })).text();
  expect(html.split(link).length - 1).toBe(1);
  expect(html).not.toContain("<table");
  // without JavaScript a phone shows the cards as sent
  const noJs = await phone.newPage();
  await noJs.goto(`/jobs?search=${token}`);
  await expect(cards(noJs).getByRole("listitem")).toHaveCount(1, { timeout: 30_000 });
  await expect(cards(noJs).getByRole("link", { name: new RegExp(token) })).toHaveAttribute("href", `/jobs/${job.id}`);
  await phone.close();
});

test("the layout follows the browser's width: cards when narrow, the table when wide", async ({ page, request }) => {
  const token = uniq("pw");
  const job = await importJob(request, { arguments: token });
  // a desktop agent in a narrow window: the server sent the table, the browser shows cards
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/jobs?search=${token}`);
  await expect(cards(page).getByRole("link", { name: new RegExp(token) })).toHaveAttribute("href", `/jobs/${job.id}`, { timeout: 30_000 });
  await expect(jobTable(page)).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // widened: the table again, its checkbox kept working
  await page.setViewportSize({ width: 1280, height: 860 });
  await expect(jobTable(page).getByRole("link", { name: new RegExp(token) })).toBeVisible();
  await expect(cards(page)).toHaveCount(0);
  await jobTable(page)
    .getByRole("checkbox", { name: new RegExp(`#${job.id}$`) })
    .check();
  await expect(jobTable(page).getByRole("checkbox", { name: new RegExp(`#${job.id}$`) })).toBeChecked();
});
