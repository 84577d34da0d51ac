import type { Page } from "@playwright/test";
import { ADMIN } from "./admin-login";
import { logInThroughPage } from "./auth-helpers";
import { seedRunnableTemplate, tag } from "./catalog-helpers";
import { launchTemplate, waitForState } from "./project-helpers";
import { createSchedule } from "./helpers";
import { expect, test } from "./fixtures";

/**
 * Every page under its Content-Security-Policy (a nonce per response, 'strict-dynamic'):
 * Next's scripts, TanStack Query, nuqs and the login form work, and Chromium reports no
 * violation, neither in the console nor as a securitypolicyviolation event.
 */

/** Collects CSP violations the page reports, from the console and from the DOM event. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content[- ]Security[- ]Policy|Refused to (execute|load|apply|connect|frame)/i.test(m.text())) seen.push(`${page.url()}: ${m.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`Content-Security-Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return seen;
}

/** Opens a page, checks its security headers, and waits for its heading. */
async function visit(page: Page, path: string, heading?: RegExp | string) {
  const res = await page.goto(path);
  expect(res!.status(), path).toBeLessThan(500);
  const csp = res!.headers()["content-security-policy"];
  expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(csp, path).toContain("frame-ancestors 'none'");
  expect(res!.headers()["x-frame-options"], path).toBe("DENY");
  await expect(page.getByRole("heading", { level: 1, name: heading }).first(), path).toBeVisible();
  // what the page's scripts fetch and render after it loaded
  await page.waitForLoadState("load");
  await page.waitForTimeout(300);
  return csp;
}

test("no page breaks its Content-Security-Policy, and each response has a nonce of its own", async ({ browser, page, request }) => {
  test.setTimeout(300_000);
  const t = tag();
  const template = await seedRunnableTemplate(request, `CSP ${t}`);
  const job = await launchTemplate(request, template);
  await waitForState(request, job.id, ["successful", "failed"]);
  const schedule = await createSchedule(request, `CSP 计划 ${t}`, template.id);
  const { project, inventory, credential } = (await (await request.get(`/api/job/template/${template.id}/`)).json()) as Record<string, number>;

  // the login page and a login through it, in a browser without a session
  const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const loginPage = await anonymous.newPage();
  const loginViolations = await watchViolations(loginPage);
  await loginPage.goto("/jobs");
  await expect(loginPage).toHaveURL(/\/login\?next=%2Fjobs$/);
  const first = (await loginPage.request.get("/login")).headers()["content-security-policy"];
  const second = (await loginPage.request.get("/login")).headers()["content-security-policy"];
  expect(first!.match(/'nonce-([^']+)'/)![1]).not.toBe(second!.match(/'nonce-([^']+)'/)![1]);
  await logInThroughPage(loginPage, ADMIN.username, ADMIN.password);
  await expect(loginPage.getByRole("heading", { name: "作业历史" })).toBeVisible();
  await anonymous.close();
  expect(loginViolations).toEqual([]);

  const violations = await watchViolations(page);
  const pages: [string, (RegExp | string)?][] = [
    ["/", "概览"],
    ["/hosts", "主机"],
    ["/jobs", "作业历史"],
    [`/jobs/${job.id}`, `作业 #${job.id}`],
    ["/templates", "模板"],
    [`/templates/${template.id}`],
    ["/templates/new"],
    ["/projects", "项目"],
    [`/projects/${project}`],
    ["/projects/new"],
    ["/inventories", "主机清单"],
    [`/inventories/${inventory}`],
    ["/inventories/new"],
    ["/credentials", "凭据"],
    [`/credentials/${credential}`],
    ["/credentials/new"],
    ["/schedules", "计划任务"],
    [`/schedules/${schedule.id}`],
    ["/schedules/new"],
    ["/notifications", "通知"],
    ["/notifications/new"],
    ["/users", "用户管理"],
    ["/account", "我的账号"],
  ];
  for (const [path, heading] of pages) await visit(page, path, heading);

  // the job's output (fetched and virtualised by the client) and a filter kept in the URL by nuqs
  await page.goto(`/jobs/${job.id}`);
  await expect(page.getByText("hello from localhost").first()).toBeVisible();
  await page.goto("/jobs");
  await page.getByLabel("搜索").fill(t);
  await expect(page).toHaveURL(new RegExp(`[?&]search=${t}`));
  await expect(page.getByRole("table", { name: "作业列表" }).getByRole("row").filter({ hasText: template.name })).toHaveCount(1);
  // an unknown page is still a page of this app
  const missing = await page.goto(`/no-such-page-${t}`);
  expect(missing!.status()).toBe(404);
  expect(missing!.headers()["content-security-policy"]).toContain("'strict-dynamic'");
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  await page.waitForTimeout(500);
  expect(violations).toEqual([]);
});
