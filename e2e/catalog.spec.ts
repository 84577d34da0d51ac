import { mkdirSync } from "node:fs";
import { expect, test } from "./fixtures";
import { pick } from "./helpers";
import { HELLO_PLAYBOOK, makeProjectFolder, navigate, tag } from "./catalog-helpers";
import { LOCAL_HOST } from "./project-helpers";

const SHOTS = "docs/screenshots";

test("from an empty catalog to a successful job, in the browser only", async ({ page }) => {
  test.setTimeout(150_000);
  const t = tag();
  const folder = `deploy-${t}`;
  const secret = `s3cret-${t}-pw`;
  // the only step outside the browser: the playbook on the server's disk
  makeProjectFolder(folder, { "site.yml": HELLO_PLAYBOOK, "roles/web/tasks/main.yml": "- ansible.builtin.ping:\n" });

  await page.goto("/jobs");

  // project: refused without a name and a folder, errors beside the fields; then the folder's playbook is listed
  await navigate(page, "项目");
  await page.getByRole("link", { name: "新建项目" }).first().click();
  await page.getByRole("button", { name: "创建" }).click();
  await expect(page.getByLabel("名称")).toHaveAccessibleDescription("该字段不能为空。");
  await expect(page.getByLabel("项目文件夹")).toHaveAccessibleDescription(/^该字段是必填项。/);
  await page.getByLabel("名称").fill(`部署 ${t}`);
  await page.getByLabel("项目文件夹").selectOption(folder);
  await page.getByRole("button", { name: "创建" }).click();
  await expect(page).toHaveURL(/\/projects\/\d+$/);
  await expect(page.getByRole("list", { name: "Playbook" }).getByRole("listitem")).toHaveText(["site.yml"]);

  // inventory: the hosts are parsed as they are typed
  await navigate(page, "主机清单");
  await page.getByRole("link", { name: "新建主机清单" }).first().click();
  await page.getByLabel("名称").fill(`本机 ${t}`);
  await page.getByLabel("清单内容").fill(LOCAL_HOST);
  await expect(page.getByRole("list", { name: "主机" }).getByRole("listitem")).toHaveText(["localhost"]);
  await page.getByRole("button", { name: "创建" }).click();
  await expect(page).toHaveURL(/\/inventories\/\d+$/);

  // credential: the password is stored, never shown back, and kept by a save that does not touch it
  await navigate(page, "凭据");
  await page.getByRole("link", { name: "新建凭据" }).first().click();
  await page.getByLabel("名称").fill(`本机账号 ${t}`);
  await page.getByLabel("用户名").fill("root");
  await page.getByLabel("密码", { exact: true }).fill(secret);
  await page.getByRole("button", { name: "创建" }).click();
  await expect(page).toHaveURL(/\/credentials\/\d+$/);
  const credentialId = Number(page.url().split("/").pop());
  await expect(page.getByLabel("密码", { exact: true })).toHaveValue("");
  await expect(page.getByText("已设置", { exact: true })).toHaveCount(1);
  await page.getByLabel("描述").fill("本机");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存。" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("密码", { exact: true })).toHaveValue("");
  await expect(page.getByText("已设置", { exact: true })).toHaveCount(1);
  expect(await page.content()).not.toContain(secret);
  const stored = await (await page.request.get(`/api/job/credential/${credentialId}/`)).json();
  expect(stored).toMatchObject({ description: "本机", password: "$encrypted$", ssh_key: "", become_password: "" });

  // template: the project's playbooks to choose from, the references by search
  await navigate(page, "模板");
  await page.getByRole("link", { name: "新建模板" }).first().click();
  await page.getByLabel("名称").fill(`发布 ${t}`);
  await page.getByLabel("描述").fill("对本机执行 site.yml");
  await pick(page, "项目", `部署 ${t}`);
  await page.getByLabel("Playbook").selectOption("site.yml");
  await pick(page, "主机清单", `本机 ${t}`);
  await pick(page, "凭据", `本机账号 ${t}`);
  // exact: the "启动时询问：…" checkbox beside each field is named after it
  await page.getByLabel("并发数 (forks)", { exact: true }).fill("5");
  await page.getByLabel("变量", { exact: true }).fill("release: 1.0.0");
  await page.getByRole("button", { name: "创建" }).click();
  await expect(page).toHaveURL(/\/templates\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`模板：发布 ${t}`);
  await expect(page.getByLabel("Playbook")).toHaveValue("site.yml");
  await expect(page.getByText("从未运行")).toBeVisible();
  mkdirSync(SHOTS, { recursive: true });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SHOTS}/templates.png`, fullPage: true });

  // launch from the template's page: the job runs and ends successful, its output on screen
  await page.getByRole("button", { name: `启动「发布 ${t}」` }).click();
  await expect(page).toHaveURL(/\/jobs\/\d+$/);
  await expect(page.getByRole("heading", { name: /^作业 #\d+/ })).toContainText("成功", { timeout: 90_000 });
  await expect(page.getByText("hello from localhost").first()).toBeVisible();
  expect(await page.content()).not.toContain(secret);
  const jobId = Number(page.url().split("/").pop());

  // the list shows each template's last run: its state, linked to the job, and when; so does its page
  await navigate(page, "模板");
  await page.getByLabel("搜索").fill(t);
  const listed = page.getByRole("row").filter({ hasText: `发布 ${t}` });
  const lastRun = listed.getByRole("link", { name: `成功 #${jobId}` });
  await expect(lastRun).toHaveAttribute("href", `/jobs/${jobId}`);
  await expect(listed.getByTestId("last-run").locator("time")).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(UTC\+8\)$/);
  await listed.getByRole("link", { name: `发布 ${t}`, exact: true }).click();
  await expect(page.getByRole("link", { name: `成功 #${jobId}` })).toBeVisible();
  await page.getByRole("link", { name: `成功 #${jobId}` }).click();
  await expect(page).toHaveURL(`/jobs/${jobId}`);

  // the list launches too; at phone width it scrolls inside its frame, not the page
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/templates`);
  await page.getByLabel("搜索").fill(t);
  const row = page.getByRole("row").filter({ hasText: `发布 ${t}` });
  await expect(row.getByRole("button", { name: `启动「发布 ${t}」` })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await row.getByRole("button", { name: `启动「发布 ${t}」` }).click();
  await expect(page).toHaveURL(/\/jobs\/\d+$/);
  // the newer launch is the last run now
  const second = Number(page.url().split("/").pop());
  expect(second).toBeGreaterThan(jobId);
  await page.goBack();
  await expect(row.getByRole("link", { name: new RegExp(` #${second}$`) })).toHaveAttribute("href", `/jobs/${second}`);
});

test("a launch refused beside the header, unknown ids are 404 pages, English by the switch", async ({ page }) => {
  const t = tag();
  await page.goto("/templates/new");
  await page.getByLabel("名称").fill(`空模板 ${t}`);
  await page.getByRole("button", { name: "创建" }).click();
  await expect(page).toHaveURL(/\/templates\/\d+$/);
  await page.getByRole("button", { name: `启动「空模板 ${t}」` }).click();
  const alert = page.getByRole("alert").filter({ hasText: `无法启动「空模板 ${t}」` });
  await expect(alert).toContainText("凭据: 该字段是必填项。");
  await expect(page).toHaveURL(/\/templates\/\d+$/);

  for (const path of ["/projects/999999", "/inventories/abc", "/credentials/999999", "/templates/999999", "/schedules/999999"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
  }

  await page.goto("/templates");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Templates" })).toBeVisible();
  await page.getByLabel("Search").fill(t);
  await expect(page.getByRole("button", { name: `Launch “空模板 ${t}”` })).toBeVisible();
  await navigate(page, "Schedules");
  await page.getByRole("link", { name: "New schedule" }).first().click();
  await page.getByLabel("Cron expression").fill("0 2 * * *");
  await expect(page.getByTestId("cron-words")).toHaveText("Every day at 02:00");
});
