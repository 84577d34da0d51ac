import { expect, test } from "./fixtures";
import { seedRunnableTemplate, tag } from "./catalog-helpers";

test("a template that asks at launch opens a dialog pre-filled from it; the job takes what was given", async ({ page, request }) => {
  test.setTimeout(120_000);
  const t = tag();
  const template = await seedRunnableTemplate(request, `询问 ${t}`, {
    limit: "localhost",
    variables: "greeting: 模板",
    ask_limit_on_launch: true,
    ask_variables_on_launch: true,
    ask_diff_mode_on_launch: true,
  });

  await page.goto(`/templates/${template.id}`);
  await expect(page.getByRole("checkbox", { name: "启动时询问：限制主机 (limit)" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "启动时询问：标签 (tags)" })).not.toBeChecked();

  const launch = page.getByRole("button", { name: `启动「询问 ${t}」` });
  await launch.click();
  const dialog = page.getByRole("dialog", { name: `启动「询问 ${t}」` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("限制主机 (limit)")).toHaveValue("localhost");
  await expect(dialog.getByLabel("变量")).toHaveValue("greeting: 模板");
  await expect(dialog.getByRole("checkbox", { name: "差异模式 (diff)" })).not.toBeChecked();
  // only what the template asks for
  await expect(dialog.getByLabel("标签 (tags)")).toHaveCount(0);
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(launch).toBeFocused();

  // refused beside its field, nothing launched
  const before = (await (await request.get(`/api/job/job/?template=${template.id}`)).json()).count;
  await launch.click();
  const limit = dialog.getByLabel("限制主机 (limit)");
  await limit.fill("@/etc/passwd");
  await dialog.getByRole("button", { name: "启动", exact: true }).click();
  await expect(limit).toHaveAccessibleDescription("limit 不能包含 @（不允许从文件读取主机）。");
  expect((await (await request.get(`/api/job/job/?template=${template.id}`)).json()).count).toBe(before);

  await limit.fill("localhost");
  await dialog.getByLabel("变量").fill("greeting: 启动时");
  await dialog.getByRole("checkbox", { name: "差异模式 (diff)" }).check();
  await dialog.getByRole("button", { name: "启动", exact: true }).click();
  await expect(page).toHaveURL(/\/jobs\/\d+$/);
  const jobId = Number(page.url().split("/").pop());
  const job = await (await request.get(`/api/job/job/${jobId}/`)).json();
  expect(job).toMatchObject({ template: template.id, limit: "localhost", variables: "greeting: 启动时", diff_mode: 1, tags: "" });
});

test("a template that asks nothing launches at once; ticking 启动时询问 in its form makes it ask", async ({ page, request }) => {
  test.setTimeout(120_000);
  const t = tag();
  const template = await seedRunnableTemplate(request, `直接 ${t}`);

  await page.goto("/templates");
  await page.getByLabel("搜索").fill(t);
  const row = page.getByRole("row").filter({ hasText: `直接 ${t}` });
  await row.getByRole("button", { name: `启动「直接 ${t}」` }).click();
  await expect(page).toHaveURL(/\/jobs\/\d+$/);

  await page.goto(`/templates/${template.id}`);
  await page.getByRole("checkbox", { name: "启动时询问：主机清单" }).check();
  await page.getByRole("checkbox", { name: "启动时询问：并发数 (forks)" }).check();
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();
  const saved = await (await request.get(`/api/job/template/${template.id}/`)).json();
  expect(saved).toMatchObject({ ask_inventory_on_launch: true, ask_forks_on_launch: true, ask_limit_on_launch: false });

  await page.getByRole("button", { name: `启动「直接 ${t}」` }).click();
  const dialog = page.getByRole("dialog", { name: `启动「直接 ${t}」` });
  await expect(dialog.getByRole("combobox", { name: "主机清单" })).toBeVisible();
  await expect(dialog.getByLabel("并发数 (forks)")).toHaveValue("0");
  await dialog.getByLabel("并发数 (forks)").fill("3");
  await dialog.getByRole("button", { name: "启动", exact: true }).click();
  await expect(page).toHaveURL(/\/jobs\/\d+$/);
  const job = await (await request.get(`/api/job/job/${Number(page.url().split("/").pop())}/`)).json();
  expect(job).toMatchObject({ template: template.id, forks: 3, inventory: saved.inventory });
});
