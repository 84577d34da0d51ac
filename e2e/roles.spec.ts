import type { Page } from "@playwright/test";
import { browserAs, createUser } from "./auth-helpers";
import { expect, test } from "./fixtures";
import { createCredential, createInventory, createSchedule, createTemplate, jobCount, launchJob, uniq } from "./helpers";
import { waitForState } from "./project-helpers";

/** What an operator is offered on the history, a job's page and the catalog, counted by accessible name. */
async function offeredActions(page: Page, s: { inventory: number; done: number; live: number; template: string; schedule: string }) {
  const count = (name: string) =>
    page
      .getByRole("button", { name, exact: true })
      .or(page.getByRole("link", { name, exact: true }))
      .count();
  await page.goto(`/jobs?inventory=${s.inventory}`);
  await expect(jobCount(page)).toHaveText("共 2 条");
  const history = { checkboxes: await page.getByRole("checkbox").count(), cancelRow: await count(`取消作业 #${s.live}`) };
  await page.goto(`/jobs/${s.done}`);
  await expect(page.getByTestId("output-lines")).toContainText(`hello-${s.template}`);
  const detail = { rerun: await count("重新执行"), edit: await count("编辑并重新执行") };
  await page.goto(`/jobs/${s.live}`);
  await expect(page.getByRole("heading", { name: `作业 #${s.live}` })).toBeVisible();
  const live = { cancel: await count("取消作业") };
  await page.goto("/templates");
  await page.getByLabel("搜索").fill(s.template);
  await expect(page.getByRole("link", { name: s.template, exact: true })).toBeVisible();
  const templates = {
    new: await count("+ 新建模板"),
    launch: await count(`启动「${s.template}」`),
    edit: await count(`编辑「${s.template}」`),
    delete: await count(`删除「${s.template}」`),
  };
  await page.goto("/schedules");
  await page.getByLabel("搜索").fill(s.schedule);
  await expect(page.getByRole("link", { name: s.schedule, exact: true })).toBeVisible();
  const schedules = { runNow: await count(`立即运行「${s.schedule}」`), toggle: await page.getByRole("switch", { name: `启用「${s.schedule}」` }).count() };
  return { history, detail, live, templates, schedules };
}

test("a viewer reads the history and a job's output, and is offered nothing that would change them", async ({ page, request, browser }) => {
  // two users' walk through ~14 pages: 2–5 s each on a busy machine
  test.setTimeout(150_000);
  const token = uniq("vw");
  const inventory = await createInventory(request, `${token} 本机`);
  const credential = await createCredential(request, `${token} 凭据`);
  const template = await createTemplate(request, `${token}`, { inventory: inventory.id, credential: credential.id });
  const schedule = await createSchedule(request, `${token} 每日`, template.id);
  const done = await launchJob(request, {
    kind: "adhoc",
    module: "debug",
    arguments: `msg=hello-${token}`,
    inventory: inventory.id,
    credential: credential.id,
  });
  expect(await waitForState(request, done.id, ["successful", "failed", "error"])).toBe("successful");
  const live = await launchJob(request, { kind: "adhoc", module: "command", arguments: "sleep 60", inventory: inventory.id, credential: credential.id });
  const seeded = { inventory: inventory.id, done: done.id, live: live.id, template: template.name, schedule: schedule.name };

  try {
    // the admin is offered all of it (so the viewer's zeros below mean something)
    expect(await offeredActions(page, seeded)).toEqual({
      history: { checkboxes: 3, cancelRow: 1 },
      detail: { rerun: 1, edit: 1 },
      live: { cancel: 1 },
      templates: { new: 1, launch: 1, edit: 1, delete: 1 },
      schedules: { runNow: 1, toggle: 1 },
    });

    const viewer = await createUser(request, { username: uniq("viewer"), display_name: "只读值班", role: "viewer", password: "viewer-password-1" });
    const { context, page: viewerPage } = await browserAs(browser, viewer.username, "viewer-password-1");
    await viewerPage.goto("/jobs");
    await expect(viewerPage.getByTestId("user-role")).toHaveText("只读");
    await expect(viewerPage.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "用户管理" })).toHaveCount(0);
    expect(await offeredActions(viewerPage, seeded)).toEqual({
      history: { checkboxes: 0, cancelRow: 0 },
      detail: { rerun: 0, edit: 0 },
      live: { cancel: 0 },
      templates: { new: 0, launch: 0, edit: 0, delete: 0 },
      schedules: { runNow: 0, toggle: 0 },
    });

    // a template's page: its settings, read-only, with no save
    await viewerPage.goto(`/templates/${template.id}`);
    await expect(viewerPage.getByLabel("名称")).toHaveValue(template.name);
    await expect(viewerPage.getByLabel("名称")).toBeDisabled();
    await expect(viewerPage.getByRole("button", { name: "保存" })).toHaveCount(0);
    await viewerPage.goto("/templates/new");
    await expect(viewerPage.getByRole("main").getByRole("alert")).toContainText("没有权限");
    await viewerPage.goto("/users");
    await expect(viewerPage.getByRole("main").getByRole("alert")).toContainText("你的账号没有权限访问这个页面。");
    // the retention settings are an admin's: no entry in the viewer's navigation, and the page says so
    await expect(viewerPage.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "保留策略" })).toHaveCount(0);
    await viewerPage.goto("/settings/retention");
    await expect(viewerPage.getByRole("main").getByRole("alert")).toContainText("你的账号没有权限访问这个页面。");
    await context.close();
  } finally {
    await request.post(`/api/job/job/${live.id}/cancel/`);
  }
});
