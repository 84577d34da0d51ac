import { expect, test } from "./fixtures";
import { tag } from "./catalog-helpers";
import { rowOf as rowWith } from "./helpers";
import type { Job, Named } from "./helpers";
import { createProject, LOCAL_HOST, post } from "./project-helpers";

/** A play that sleeps `nap` seconds: the first launch long enough to watch the second wait behind it. */
const NAP = `- hosts: all
  gather_facts: false
  tasks:
    - name: nap
      ansible.builtin.command: "sleep {{ nap }}"
`;

test("a template that runs one job at a time: the second waits with its place, then starts when the first ends", async ({ page, request }) => {
  test.setTimeout(120_000);
  const t = tag();
  const name = `一次一个 ${t}`;
  const project = await createProject(request, `${name} 项目`, `nap-${t}`, { "nap.yml": NAP });
  const inventory = await post<Named>(request, "/api/job/inventory/", { name: `${name} 本机`, content: LOCAL_HOST });
  const credential = await post<Named>(request, "/api/job/credential/", { name: `${name} 凭据`, username: "root" });
  const template = await post<Named>(request, "/api/job/template/", {
    name,
    project: project.id,
    inventory: inventory.id,
    credential: credential.id,
    playbook: "nap.yml",
    variables: "nap: 1",
    // the first launch says how long it naps
    ask_variables_on_launch: true,
  });

  // the limit is set in the template's form
  await page.goto(`/templates/${template.id}`);
  const concurrency = page.getByRole("group", { name: "并发" });
  const allow = concurrency.getByRole("checkbox", { name: "允许同时运行多个作业" });
  await expect(allow).toBeChecked();
  await allow.uncheck();
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  await expect(page.getByText("一次一个", { exact: true })).toBeVisible();
  const saved = await (await request.get(`/api/job/template/${template.id}/`)).json();
  expect(saved).toMatchObject({ allow_simultaneous: false, max_concurrent_jobs: 0 });

  const first = await post<Job>(request, `/api/job/template/${template.id}/launch/`, { variables: "nap: 60" });
  const second = await post<Job>(request, `/api/job/template/${template.id}/launch/`, {});
  const place = `排队中，第 1 位（模板“${name}”同时只允许 1 个作业）`;

  // the history shows the second one queued, with its place
  await page.goto(`/jobs?template=${template.id}`);
  const queuedRow = page
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: new RegExp(name) }) })
    .filter({ hasText: place });
  await expect(queuedRow).toHaveCount(1, { timeout: 30_000 });
  await expect(queuedRow).toContainText(String(second.id));
  await expect(queuedRow.getByText("排队中", { exact: true })).toBeVisible();

  // the overview lists it with what runs now, and links to every queued, waiting or running job
  await page.goto("/");
  const now = page.getByTestId("running-now");
  await expect(now.getByRole("listitem").filter({ hasText: `#${second.id}` })).toContainText("排队中", { timeout: 30_000 });
  await now.getByRole("link", { name: /^全部 \d+ 个/ }).click();
  await expect(page).toHaveURL(/state=pending(,|%2C)waiting(,|%2C)running/);
  await expect(rowWith(page, second.id)).toBeVisible();

  // its page says where it waits, and follows it as it starts and ends
  await page.goto(`/jobs/${second.id}`);
  await expect(page.getByRole("status").filter({ hasText: place })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("排队中");
  // the first ends (canceled here, not to wait out its minute): the second starts
  await request.post(`/api/job/job/${first.id}/cancel/`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/运行中|成功/, { timeout: 60_000 });
  await expect(page.getByText(place)).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("成功", { timeout: 60_000 });

  const [a, b] = await Promise.all([first, second].map(async (j) => (await request.get(`/api/job/job/${j.id}/`)).json()));
  expect(a.state).toBe("canceled");
  expect(b.start_time).toBeGreaterThanOrEqual(a.finish_time);
});

test("an inventory's maximum is set in its form", async ({ page, request }) => {
  const t = tag();
  const inventory = await post<Named>(request, "/api/job/inventory/", { name: `清单 ${t}`, content: LOCAL_HOST });
  await page.goto(`/inventories/${inventory.id}`);
  const max = page.getByLabel("最多同时运行的作业数");
  await expect(max).toHaveValue("0");
  await max.fill("-1");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("请确保该值大于或者等于 0。").first()).toBeVisible();
  await max.fill("2");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  expect((await (await request.get(`/api/job/inventory/${inventory.id}/`)).json()).max_concurrent_jobs).toBe(2);
});
