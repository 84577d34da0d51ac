import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";
import { seedRunnableTemplate } from "./catalog-helpers";
import { createSchedule, uniq, type Job, type Named } from "./helpers";
import { createProject, LOCAL_HOST, post, UNREACHABLE_HOST, waitForState } from "./project-helpers";

/** axe-core's verdict on the page as it is now: the serious and critical violations, one line per node. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.html.slice(0, 160)} — ${n.failureSummary?.split("\n").slice(1).join(" ")}`));
}

async function expectAccessible(page: Page, path: string, ready: (page: Page) => Promise<void>) {
  await page.goto(path);
  await ready(page);
  // soft: one run lists every page's violations
  expect.soft(await seriousViolations(page), path).toEqual([]);
}

const heading = (page: Page) => expect(page.getByRole("heading", { level: 1 })).toBeVisible();

test("every page has no serious or critical accessibility violation", async ({ page, request }) => {
  test.setTimeout(240_000);
  const token = uniq("a11y");
  const template = await seedRunnableTemplate(request, `${token} 模板`);
  // a failed run with output: this machine, and a host nobody answers for (ping connects; debug would not)
  const record = (await (await request.get(`/api/job/template/${template.id}/`)).json()) as { project: number; credential: number };
  const project = await createProject(request, `${token} 项目`, token, {
    "ping.yml": "- hosts: all\n  gather_facts: false\n  tasks:\n    - name: ping\n      ping:\n",
  });
  const inventory = await post<Named>(request, "/api/job/inventory/", { name: `${token} 含故障主机`, content: `${LOCAL_HOST}\n${UNREACHABLE_HOST}` });
  const failing = await post<Named>(request, "/api/job/template/", {
    name: `${token} 失败`,
    project: project.id,
    inventory: inventory.id,
    credential: record.credential,
    playbook: "ping.yml",
  });
  const job = await post<Job>(request, `/api/job/template/${failing.id}/launch/`, {});
  expect(await waitForState(request, job.id, ["successful", "failed", "error"])).toBe("failed");
  const schedule = await createSchedule(request, `${token} 计划`, template.id);

  await expectAccessible(page, "/", heading);
  await expectAccessible(page, `/jobs?search=${token}`, async (p) => {
    await expect(p.getByTestId("job-count")).toHaveText("共 1 条");
  });
  await expectAccessible(page, `/jobs/${job.id}`, async (p) => {
    await expect(p.getByTestId("output-lines").getByText("PLAY RECAP")).toBeVisible();
    await expect(p.getByTestId("failure-summary").getByRole("link").first()).toBeVisible();
    await expect(p.getByTestId("failure-position")).toBeVisible();
  });
  await expectAccessible(page, `/jobs/${job.id}?q=ping`, async (p) => {
    await expect(p.getByRole("region", { name: "搜索结果" }).getByRole("heading")).toHaveText(/条匹配/);
  });
  await expectAccessible(page, "/hosts", async (p) => {
    await expect(p.getByRole("link", { name: "localhost", exact: true }).first()).toBeVisible();
  });
  await expectAccessible(page, "/hosts/bad", async (p) => {
    await expect(p.getByRole("table").first()).toBeVisible();
  });
  const catalog: [string, number][] = [
    ["templates", template.id],
    ["projects", record.project],
    ["inventories", inventory.id],
    ["credentials", record.credential],
    ["schedules", schedule.id],
  ];
  for (const [kind, id] of catalog) {
    await expectAccessible(page, `/${kind}`, async (p) => {
      await expect(p.getByRole("table").first()).toBeVisible();
    });
    await expectAccessible(page, `/${kind}/new`, async (p) => {
      await expect(p.getByRole("button", { name: "创建" })).toBeVisible();
    });
    await expectAccessible(page, `/${kind}/${id}`, async (p) => {
      await expect(p.getByRole("button", { name: "保存" })).toBeVisible();
    });
  }
  await expectAccessible(page, "/account", async (p) => {
    await expect(p.getByRole("button", { name: /修改密码/ })).toBeVisible();
  });
  await expectAccessible(page, "/users", async (p) => {
    await expect(p.getByRole("table").first()).toBeVisible();
  });
  await expectAccessible(page, "/settings/retention", async (p) => {
    await expect(p.getByRole("button", { name: "试运行" })).toBeVisible();
  });

  // the re-run confirmation and the edit dialog, open
  await page.goto(`/jobs/${job.id}`);
  await page.getByRole("button", { name: "重新执行", exact: true }).click();
  await expect(page.getByRole("dialog").getByTestId("rerun-summary")).toContainText("2 台");
  expect(await seriousViolations(page), "re-run confirmation").toEqual([]);
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "编辑并重新执行" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  expect(await seriousViolations(page), "edit and re-run").toEqual([]);
});

test("the login page has no serious or critical accessibility violation", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await expectAccessible(page, "/login", async (p) => {
    await expect(p.getByRole("button", { name: "登录" })).toBeVisible();
  });
  await context.close();
});
