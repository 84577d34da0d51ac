import { expect, test } from "./fixtures";
import { createCredential, expectRows, jobTable, uniq, type Job, type Named } from "./helpers";
import { createProject, post, waitForState } from "./project-helpers";

const LOCAL = "ansible_connection=local ansible_python_interpreter=/usr/bin/python3";

test("compare two runs: from a job page and from the history's two-row selection; hosts, tasks and the output diff", async ({ page, request }) => {
  test.setTimeout(180_000);
  const token = uniq("cmp");
  const [web, app] = [`${token}-web`, `${token}-app`];
  const project = await createProject(request, `${token} 项目`, token, {
    "deploy.yml": [
      "- hosts: all\n  gather_facts: false\n  tasks:",
      "    - name: reach\n      ping:",
      '    - name: write config\n      command: "true"\n      changed_when: true',
      '    - name: check disk\n      fail:\n        msg: "disk full on {{ inventory_hostname }}"\n      when: inventory_hostname == broken',
      '    - name: report\n      debug:\n        msg: "done on {{ inventory_hostname }}"',
      "",
    ].join("\n"),
  });
  const inventory = await post<Named>(request, "/api/job/inventory/", { name: `${token} 清单`, content: `${web} ${LOCAL}\n${app} ${LOCAL}\n` });
  const credential = await createCredential(request, `${token} 凭据`);
  const template = await post<Named>(request, "/api/job/template/", {
    name: `${token} 部署`,
    project: project.id,
    inventory: inventory.id,
    credential: credential.id,
    playbook: "deploy.yml",
    variables: "broken: nobody",
    ask_variables_on_launch: true,
  });
  const good = await post<Job>(request, `/api/job/template/${template.id}/launch/`, {});
  expect(await waitForState(request, good.id, ["failed", "successful", "error"])).toBe("successful");
  const bad = await post<Job>(request, `/api/job/template/${template.id}/launch/`, { variables: `broken: ${web}` });
  expect(await waitForState(request, bad.id, ["failed", "successful", "error"])).toBe("failed");

  // the first run has nothing earlier to compare with: the button says why
  await page.goto(`/jobs/${good.id}`);
  const none = page.getByRole("button", { name: "与上次成功的运行比较" });
  await expect(none).toBeDisabled();
  await expect(none).toHaveAttribute("title", "同一模板在这个作业之前没有成功的运行。");

  // the failed run's page: compare with the last success, which is A
  await page.goto(`/jobs/${bad.id}`);
  await page.getByRole("link", { name: "与上次成功的运行比较" }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${good.id}/compare/${bad.id}$`));
  await expect(page.getByRole("heading", { name: `比较作业 #${good.id} 与 #${bad.id}` })).toBeVisible();
  await expect(page.getByRole("region", { name: `A · 作业 #${good.id}` })).toContainText("成功");
  await expect(page.getByRole("region", { name: `B · 作业 #${bad.id}` })).toContainText("失败");

  const options = page.getByRole("table", { name: "不同的运行选项" });
  await expect(options.getByRole("row")).toHaveCount(2);
  await expect(options.getByRole("row", { name: /变量/ })).toContainText(`broken: ${web}`);

  const hosts = page.getByRole("table", { name: "各主机在两次运行中的结果" });
  const webRow = hosts.getByRole("row", { name: new RegExp(web) });
  await expect(webRow).toHaveAttribute("data-differs", "true");
  await expect(webRow).toContainText("已变更");
  await expect(webRow).toContainText("失败");
  await expect(webRow).toContainText("首个失败任务：check disk");
  await expect(hosts.getByRole("row", { name: new RegExp(app) })).toHaveAttribute("data-differs", "false");

  const tasks = page.getByRole("table", { name: "各任务在每台主机上的结果" });
  await expect(tasks.getByRole("cell", { name: `${web}：A 已跳过，B 失败` })).toHaveAttribute("data-differs", "true");
  await expect(tasks.getByRole("cell", { name: `${web}：A 正常，B —` })).toHaveAttribute("data-differs", "true");
  await expect(tasks.getByRole("cell", { name: `${app}：A 已变更，B 已变更` })).toHaveAttribute("data-differs", "false");
  await expect(tasks.getByRole("row")).toHaveCount(5);
  await page.getByLabel("只看不同").check();
  await expect(tasks.getByRole("row")).toHaveCount(3);
  await expect(tasks.getByRole("columnheader", { name: app })).toHaveCount(0);

  const diff = page.getByTestId("output-diff");
  await expect(diff.getByRole("row", { name: "相同" }).filter({ hasText: "TASK [check disk]" })).toHaveCount(1);
  const fatal = diff.locator("[data-kind]").filter({ hasText: `fatal: [${web}]` });
  await expect(fatal).toHaveCount(1);
  await expect(fatal).not.toHaveAttribute("data-kind", "equal");
  await expect(
    diff
      .locator('[data-kind="equal"]')
      .filter({ hasText: `ok: [${app}]` })
      .first(),
  ).toBeVisible();
  await page.getByLabel("只看不同").uncheck();
  await expect(tasks.getByRole("row")).toHaveCount(5);
  await page.screenshot({ path: "docs/screenshots/job-compare.png", fullPage: true });

  // the history: select exactly the two runs, then compare
  await page.goto(`/jobs?search=${token}`);
  await expectRows(page, [bad.id, good.id]);
  await jobTable(page).getByLabel(`选择作业 #${good.id}`).check();
  await expect(page.getByRole("button", { name: "比较", exact: true })).toBeDisabled();
  await jobTable(page).getByLabel(`选择作业 #${bad.id}`).check();
  await page.getByRole("link", { name: "比较", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${good.id}/compare/${bad.id}$`));
  await expect(page.getByRole("table", { name: "各主机在两次运行中的结果" }).getByRole("row", { name: new RegExp(web) })).toContainText("失败");
});
