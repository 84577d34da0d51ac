import { mkdirSync } from "node:fs";
import { expect, test } from "./fixtures";
import { createCredential, createInventory, createSchedule, createTemplate, importJob, jobCount, shanghai, uniq, type Named } from "./helpers";
import { createProject, launchTemplate, LOCAL_HOST, post, UNREACHABLE_HOST, waitForState } from "./project-helpers";

// Screenshots for the README, of realistic data in one past week (the date filter keeps
// other tests' rows out of the picture).
const DIR = "docs/screenshots";
const WEEK = { from: "2025-03-03", to: "2025-03-09" };

test("screenshots: history, job detail, edit-and-re-run dialog", async ({ page, request }) => {
  mkdirSync(DIR, { recursive: true });
  // a database kept between runs (E2E_DATABASE_URL) still holds the last run's week
  const old = await (
    await request.get(`/api/job/job/?limit=1000&start_time__gte=${shanghai(`${WEEK.from}T00:00:00`)}&start_time__lte=${shanghai(`${WEEK.to}T23:59:59`)}`)
  ).json();
  if (old.count) expect((await request.delete("/api/job/job/", { data: { "pk[]": old.results.map((j: { id: number }) => j.id) } })).status()).toBe(204);
  const cred = await createCredential(request, "deploy 账号");
  const root = await createCredential(request, "root 密码");
  const prod = await createInventory(request, "生产环境");
  const test_ = await createInventory(request, "测试环境");
  const deploy = await createTemplate(request, "tomcat 部署", { inventory: prod.id, credential: cred.id });
  const nginx = await createTemplate(request, "nginx 配置更新", { inventory: prod.id, credential: root.id });
  const backup = await createTemplate(request, "MySQL 备份", { inventory: test_.id, credential: root.id });
  const nightly = await createSchedule(request, "MySQL 每日备份", backup.id);
  const plan: [number, string, Record<string, unknown>][] = [
    [deploy.id, "successful", { playbook: "deploy.yml", variables: "app_name: order-service\nversion: 8.5.100", limit: "app", forks: 10 }],
    [nginx.id, "failed", { playbook: "config.yml", variables: '{"upstream": "app"}' }],
    [backup.id, "successful", { playbook: "backup.yml", schedule: nightly.id }],
    [
      0,
      "successful",
      { kind: "adhoc", module: "shell", arguments: "df -h /", inventory: prod.id, credential: root.id, variables: "threshold: 80\nmount: /", forks: 10 },
    ],
    [deploy.id, "canceled", { playbook: "rollback.yml" }],
    [backup.id, "successful", { playbook: "backup.yml", schedule: nightly.id }],
    [nginx.id, "successful", { playbook: "reload.yml" }],
    [0, "error", { kind: "adhoc", module: "ping", arguments: "", inventory_str: "192.168.10.11\n192.168.10.12", credential: cred.id }],
    [deploy.id, "successful", { playbook: "deploy.yml", variables: "app_name: user-service\nversion: 8.5.101", limit: "app", forks: 10, become_enabled: 1 }],
    [backup.id, "failed", { playbook: "backup.yml", schedule: nightly.id }],
  ];
  let adhocId = 0;
  for (const [i, [template, state, extra]] of plan.entries()) {
    const start = shanghai(`2025-03-0${3 + Math.floor(i / 2)}T${String(8 + ((i * 5) % 11)).padStart(2, "0")}:${String((i * 17) % 60).padStart(2, "0")}:00`);
    const job = await importJob(request, {
      ...(template ? { template, kind: "job", module: "", inventory_str: "" } : {}),
      state,
      start_time: start,
      finish_time: start + 40 + i * 83,
      ...extra,
    });
    if (i === 3) adhocId = job.id;
  }

  await page.goto(`/jobs?from=${WEEK.from}&to=${WEEK.to}`);
  await expect(jobCount(page)).toHaveText("共 10 条");
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${DIR}/job-history.png`, fullPage: true });

  // edit and re-run the ad-hoc job: it really runs on this machine, so the detail shows output
  await page.goto(`/jobs/${adhocId}`);
  await page.getByRole("button", { name: "编辑并重新执行" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("变量").fill("threshold: 90\nmount: /");
  await dialog.getByLabel("并发数 (forks)").fill("20");
  await expect(dialog.getByRole("region", { name: "与原作业相比的修改" })).toContainText("+ threshold: 90");
  await page.screenshot({ path: `${DIR}/job-rerun-dialog.png` });
  await dialog.getByRole("button", { name: "重新执行" }).click();
  await expect(page).not.toHaveURL(`/jobs/${adhocId}`);
  await expect(page.getByRole("region", { name: "概要" }).getByText(/^(成功|失败|错误|已取消)$/)).toBeVisible({ timeout: 45_000 });
  await expect(
    page
      .getByTestId("output-lines")
      .getByText(/CHANGED|SUCCESS|FAILED|UNREACHABLE/)
      .first(),
  ).toBeVisible();
  await expect(page.getByRole("table", { name: "各主机的执行结果" })).toBeVisible();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${DIR}/job-detail.png`, fullPage: true });
});

const SITE = `- hosts: all
  gather_facts: false
  tasks:
    - name: check disk space
      command: df -h /
      register: df
      changed_when: false
    - name: show disk space
      debug:
        var: df.stdout_lines
    - name: render nginx config
      command: "true"
    - name: restart nginx
      debug:
        msg: "nginx restarted on {{ inventory_hostname }}"
`;

test("screenshot: a job's output, searched, with a failed host in the recap", async ({ page, request }) => {
  const folder = uniq("shot");
  const project = await createProject(request, "web 运维", folder, { "site.yml": SITE });
  const hosts = ["web-01", "web-02"].map((h) => LOCAL_HOST.replace("localhost", h)).concat(UNREACHABLE_HOST.replace("bad", "web-03"));
  const inventory = await post<Named>(request, "/api/job/inventory/", { name: "web 集群", content: hosts.join("\n") });
  const credential = await createCredential(request, "deploy 账号");
  const template = await post<Named>(request, "/api/job/template/", {
    name: "nginx 配置发布",
    project: project.id,
    inventory: inventory.id,
    credential: credential.id,
    playbook: "site.yml",
  });
  const job = await launchTemplate(request, template);
  expect(await waitForState(request, job.id, ["successful", "failed", "error"])).toBe("failed");

  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(`/jobs/${job.id}`);
  await expect(page.getByRole("table", { name: "各主机的执行结果" }).getByRole("row", { name: /web-03/ })).toContainText("失败");
  await page.getByRole("searchbox", { name: "搜索输出" }).fill("restarted");
  const results = page.getByRole("region", { name: "搜索结果" });
  await expect(results.getByRole("heading")).toHaveText("2 条匹配");
  await results.getByRole("button").first().click();
  await page.mouse.move(0, 0);
  // the page down to the output and the host recap beside it
  const recap = (await page.getByRole("region", { name: "主机汇总" }).boundingBox())!;
  const output = (await page.locator("#job-output").boundingBox())!;
  const bottom = Math.max(recap.y + recap.height, output.y + output.height);
  await page.screenshot({ path: `${DIR}/job-output.png`, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: Math.ceil(bottom + 16) } });
});

test("screenshots: the login page, and the users page", async ({ browser, page, request }) => {
  const loggedOut = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const login = await loggedOut.newPage();
  await login.setViewportSize({ width: 1280, height: 640 });
  await login.goto("/login?next=%2Fjobs");
  await expect(login.getByRole("heading", { name: "登录" })).toBeVisible();
  await login.screenshot({ path: `${DIR}/login.png` });
  await loggedOut.close();

  // one team, found by the search box (other tests' users stay out of the picture);
  // a database kept between runs (E2E_DATABASE_URL) already has them
  const team: [string, string, string, boolean][] = [
    ["zhangwei", "张伟（运维组）", "admin", true],
    ["lina", "李娜（运维组）", "operator", true],
    ["wangfang", "王芳（运维组）", "operator", true],
    ["liuyang", "刘洋（运维组）", "viewer", true],
    ["chenjie", "陈杰（运维组）", "operator", false],
  ];
  for (const [username, display_name, role, is_active] of team) {
    const res = await request.post("/api/auth/users/", { data: { username, display_name, role, is_active, password: `${username}-password-1` } });
    expect([201, 400], await res.text()).toContain(res.status());
    // a last login to show
    if (is_active && role !== "viewer") await request.post("/api/auth/token/", { data: { username, password: `${username}-password-1` } });
  }
  await page.goto("/users");
  const search = page.getByPlaceholder("按用户名或显示名称搜索…");
  await search.fill("运维组");
  await expect(page.getByText("共 5 位用户")).toBeVisible();
  await search.blur();
  await page.mouse.move(0, 0);
  await page.setViewportSize({ width: 1280, height: 560 });
  await page.screenshot({ path: `${DIR}/users.png` });
});
