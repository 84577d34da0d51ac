import { expect, test } from "./fixtures";
import { createCredential, createInventory, createSchedule, createTemplate, importJob, uniq } from "./helpers";
import { createProject } from "./project-helpers";

test("every page's title names it, in the page's language", async ({ page, request }) => {
  const token = uniq("ttl");
  const template = await createTemplate(request, `${token} 模板`);
  const inventory = await createInventory(request, `${token} 清单`);
  const credential = await createCredential(request, `${token} 凭据`);
  const project = await createProject(request, `${token} 项目`, token, { "site.yml": "- hosts: all\n  tasks: []\n" });
  const schedule = await createSchedule(request, `${token} 计划`, template.id);
  const job = await importJob(request, { state: "failed", arguments: token, limit: "web-ttl" });

  const zh: [string, string][] = [
    ["/", "概览 — 作业任务"],
    ["/jobs", "作业历史 — 作业任务"],
    [`/jobs/${job.id}`, `作业 #${job.id} · 失败 — 作业任务`],
    ["/hosts", "主机 — 作业任务"],
    ["/templates", "模板 — 作业任务"],
    ["/templates/new", "新建模板 — 作业任务"],
    [`/templates/${template.id}`, `${template.name} · 模板 — 作业任务`],
    ["/projects", "项目 — 作业任务"],
    [`/projects/${project.id}`, `${project.name} · 项目 — 作业任务`],
    ["/inventories/new", "新建主机清单 — 作业任务"],
    [`/inventories/${inventory.id}`, `${inventory.name} · 主机清单 — 作业任务`],
    ["/credentials", "凭据 — 作业任务"],
    [`/credentials/${credential.id}`, `${credential.name} · 凭据 — 作业任务`],
    ["/schedules", "计划任务 — 作业任务"],
    [`/schedules/${schedule.id}`, `${schedule.name} · 计划任务 — 作业任务`],
    ["/settings/retention", "保留策略 — 作业任务"],
    ["/account", "我的账号 — 作业任务"],
    // last: the language cookie below is set for this page's path
    ["/users", "用户管理 — 作业任务"],
  ];
  for (const [path, title] of zh) {
    await page.goto(path);
    await expect(page, path).toHaveTitle(title);
  }

  await page.context().addCookies([{ name: "lang", value: "en", url: page.url() }]);
  const en: [string, string][] = [
    ["/jobs", "Job history — Jobs"],
    [`/jobs/${job.id}`, `Job #${job.id} · Failed — Jobs`],
    ["/hosts", "Hosts — Jobs"],
    [`/templates/${template.id}`, `${template.name} · Templates — Jobs`],
    ["/schedules/new", "New schedule — Jobs"],
  ];
  for (const [path, title] of en) {
    await page.goto(path);
    await expect(page, path).toHaveTitle(title);
  }
});

test("the icon is served, and no request for /favicon.ico fails", async ({ page }) => {
  const failed: string[] = [];
  page.on("response", (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto("/jobs");
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /icon|favicon/);
  const ico = await page.request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/icon/);
  const svg = await page.request.get("/icon.svg");
  expect(svg.status()).toBe(200);
  expect(failed).toEqual([]);
});
