import { expect, test } from "./fixtures";
import { createCredential, rowIds, uniq, type Named } from "./helpers";
import { createProject, launchTemplate, post, waitForState } from "./project-helpers";

const LOCAL = "ansible_connection=local ansible_python_interpreter=/usr/bin/python3";

test("hosts: the list, a host's page with its own result, its lines in the job, and the history's host filter", async ({ page, request }) => {
  test.setTimeout(120_000);
  const token = uniq("hosts");
  // names no other test uses: one host on which a task fails, one that works, one nobody answers for
  const [web, app, down] = [`${token}-web`, `${token}-app`, `${token}-down`];
  const project = await createProject(request, `${token} 项目`, token, {
    "deploy.yml": [
      "- hosts: all\n  gather_facts: false\n  tasks:",
      "    - name: reach\n      ping:",
      '    - name: write config\n      command: "true"\n      changed_when: true',
      `    - name: check disk\n      fail:\n        msg: "disk full"\n      when: inventory_hostname == "${web}"`,
      "",
    ].join("\n"),
  });
  const inventory = await post<Named>(request, "/api/job/inventory/", {
    name: `${token} 清单`,
    content: `${web} ${LOCAL}\n${app} ${LOCAL}\n${down} ansible_host=127.0.0.1 ansible_port=1\n`,
  });
  const credential = await createCredential(request, `${token} 凭据`);
  const template = await post<Named>(request, "/api/job/template/", {
    name: `${token} 部署`,
    project: project.id,
    inventory: inventory.id,
    credential: credential.id,
    playbook: "deploy.yml",
  });
  const job = await launchTemplate(request, template);
  expect(await waitForState(request, job.id, ["failed", "successful", "error"])).toBe("failed");

  // the list: each host with its own status in its newest job
  await page.goto("/hosts");
  await page.getByRole("link", { name: "主机", exact: true }).first().waitFor();
  await page.getByLabel("搜索主机").fill(token);
  const table = page.getByRole("table", { name: "执行过作业的主机" });
  await expect(table.getByRole("row")).toHaveCount(4);
  await expect(table.getByRole("row", { name: web })).toContainText("失败");
  await expect(table.getByRole("row", { name: app })).toContainText("已变更");
  await expect(table.getByRole("row", { name: down })).toContainText("不可达");
  await page.getByLabel("最近状态").selectOption({ label: "不可达" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await page.getByLabel("最近状态").selectOption({ label: "全部" });

  // a host's page: the run, the host's own result, the task that failed and why
  await table.getByRole("link", { name: web }).click();
  await expect(page).toHaveURL(new RegExp(`/hosts/${web}$`));
  await expect(page).toHaveTitle(new RegExp(web));
  const runs = page.getByRole("table", { name: `${web} 的运行记录` });
  const run = runs.getByRole("row", { name: new RegExp(`#${job.id}`) });
  await expect(run).toContainText("失败");
  await expect(run).toContainText("首个失败任务: check disk");
  await expect(run).toContainText("disk full");
  await expect(run).toContainText("变更: write config");
  await page.screenshot({ path: "docs/screenshots/host-page.png", fullPage: true });

  // its lines in that job: the output filtered to the host
  await run.getByRole("link", { name: "查看本主机的输出" }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${job.id}\\?host=`));
  await expect(page.getByRole("button", { name: `清除主机筛选：${web}` })).toBeVisible();
  await expect(page.getByTestId("output-lines")).toContainText(`fatal: [${web}]`);
  await expect(page.getByTestId("output-lines")).not.toContainText(`[${app}]`);

  // the history's host filter: in the URL, exact, combined with the rest
  await page.goto("/jobs");
  await page.getByLabel("主机", { exact: true }).fill(down);
  await expect(page).toHaveURL(new RegExp(`host=${down}`));
  await expect.poll(() => rowIds(page)).toEqual([job.id]);
  await page.getByLabel("主机", { exact: true }).fill(`${token}-nope`);
  await expect.poll(() => rowIds(page)).toEqual([]);
});
