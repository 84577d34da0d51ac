import { expect, test } from "./fixtures";
import type { APIRequestContext, Page } from "@playwright/test";
import { createCredential, rowOf, uniq, type Job, type Named } from "./helpers";
import { createProject, launchTemplate as launch, LOCAL_HOST, post, UNREACHABLE_HOST, waitForState } from "./project-helpers";

const PLAYBOOKS: Record<string, string> = {
  // 40 short tasks, each followed by a debug line: output trickles in for ~15 s
  "slow.yml": `- hosts: all\n  gather_facts: false\n  tasks:\n${Array.from({ length: 20 }, (_, i) => `    - name: step ${i + 1}\n      command: sleep 0.2\n    - name: say ${i + 1}\n      debug:\n        msg: "tick ${i + 1} of 20"\n`).join("")}`,
  "sleep.yml": "- hosts: all\n  gather_facts: false\n  tasks:\n    - name: long sleep\n      command: sleep 120\n",
  // one debug of a 6,000-item list: one output line per item
  "many.yml": `- hosts: all\n  gather_facts: false\n  tasks:\n    - name: many lines\n      debug:\n        msg: "{{ query('sequence', 'start=1 end=6000 format=row-%05d') }}"\n`,
  "ping.yml": "- hosts: all\n  gather_facts: false\n  tasks:\n    - name: ping\n      ping:\n",
  // the play's hosts are templated before its first line: seconds of a running job with no output
  "late.yml": "- hosts: \"{{ lookup('pipe', 'sleep 4; echo all') }}\"\n  gather_facts: false\n  tasks:\n    - name: ping\n      ping:\n",
  // task B fails on h2 only, between A and C
  "steps.yml":
    "- hosts: all\n  gather_facts: false\n  tasks:\n    - name: A\n      debug: { msg: did-A }\n" +
    "    - name: B\n      fail: { msg: B broke }\n      when: inventory_hostname == 'h2'\n    - name: C\n      debug: { msg: did-C }\n",
  // failures on three hosts, each in another task: bad is unreachable in A, h2 fails B, h3 fails C
  "fails.yml":
    "- hosts: all\n  gather_facts: false\n  tasks:\n    - name: A\n      ping:\n" +
    "    - name: B\n      fail: { msg: B broke }\n      when: inventory_hostname == 'h2'\n" +
    "    - name: C\n      fail: { msg: C broke on h3 }\n      when: inventory_hostname == 'h3'\n    - name: D\n      debug: { msg: did-D }\n",
  // one output line of 3,000 characters without a space
  "long.yml": `- hosts: all\n  gather_facts: false\n  tasks:\n    - name: long line\n      debug:\n        msg: "{{ 'x' * 3000 }}"\n`,
};

type Seed = { token: string; templates: Record<string, Named> };

/** A project folder with the playbooks, inventories (this machine; and an unreachable host), a credential, a template per playbook. */
async function seed(request: APIRequestContext): Promise<Seed> {
  const token = uniq("out");
  const project = await createProject(request, `${token} 项目`, token, PLAYBOOKS);
  const local = await post<Named>(request, "/api/job/inventory/", { name: `${token} 本机`, content: LOCAL_HOST });
  const mixed = await post<Named>(request, "/api/job/inventory/", { name: `${token} 含故障主机`, content: `${LOCAL_HOST}\n${UNREACHABLE_HOST}` });
  const two = await post<Named>(request, "/api/job/inventory/", {
    name: `${token} 两台`,
    content: ["h1", "h2"].map((h) => LOCAL_HOST.replace(/^localhost/, h)).join("\n"),
  });
  const three = await post<Named>(request, "/api/job/inventory/", {
    name: `${token} 三台加故障`,
    content: [...["h1", "h2", "h3"].map((h) => LOCAL_HOST.replace(/^localhost/, h)), UNREACHABLE_HOST].join("\n"),
  });
  const credential = await createCredential(request, `${token} 凭据`);
  const templates: Record<string, Named> = {};
  for (const [key, playbook, inventory] of [
    ["slow", "slow.yml", local],
    ["sleep", "sleep.yml", local],
    ["many", "many.yml", local],
    ["mixed", "ping.yml", mixed],
    ["late", "late.yml", local],
    ["steps", "steps.yml", two],
    ["fails", "fails.yml", three],
    ["long", "long.yml", local],
  ] as const)
    templates[key] = await post<Named>(request, "/api/job/template/", {
      name: `${token} ${key}`,
      project: project.id,
      inventory: inventory.id,
      credential: credential.id,
      playbook,
    });
  return { token, templates };
}

const viewer = (page: Page) => page.getByTestId("output-lines");
const lineCount = async (page: Page) => Number((await page.getByTestId("output-count").textContent())?.replace(/\D/g, "") || 0);
const stateBadge = (page: Page) =>
  page
    .getByRole("region", { name: "概要" })
    .getByRole("term")
    .filter({ hasText: /^状态$/ })
    .locator("xpath=following-sibling::dd[1]");

type CancelControl = { dialog: boolean; button: string | null; disabled: boolean; state: string | null };

/** Records, from now on, each distinct look of the job page's cancel button, its dialog and the state. */
async function recordCancelControl(page: Page): Promise<void> {
  await page.evaluate(() => {
    const look = () => {
      const button = [...document.querySelectorAll("main button")].find((b) => !b.closest("dialog") && /取消作业|正在取消/.test(b.textContent ?? ""));
      const state = [...document.querySelectorAll("dt")].find((dt) => dt.textContent === "状态")?.nextElementSibling?.textContent ?? null;
      return {
        dialog: document.querySelector("dialog[open]") !== null,
        button: button?.textContent?.trim() ?? null,
        disabled: (button as HTMLButtonElement | undefined)?.disabled ?? false,
        state,
      };
    };
    const seen = [look()];
    const w = window as unknown as { cancelControl: unknown[] };
    w.cancelControl = seen;
    new MutationObserver(() => {
      const now = look();
      if (JSON.stringify(now) !== JSON.stringify(seen.at(-1))) seen.push(now);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}
const recordedCancelControl = (page: Page) => page.evaluate(() => (window as unknown as { cancelControl: CancelControl[] }).cancelControl);

let seeded: Seed | undefined;
const data = async (request: APIRequestContext) => (seeded ??= await seed(request));

test("a running job's lines arrive live, without a reload, until it ends", async ({ page, request }) => {
  // 40 tasks: ~20 s on an idle machine, several times that on a busy one; the waits allow for it
  test.setTimeout(240_000);
  const job = await launch(request, (await data(request)).templates.slow!);
  const recordReads: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "GET" && new URL(r.url()).pathname === `/api/job/job/${job.id}/`) recordReads.push(r.url());
  });
  await page.goto(`/jobs/${job.id}`);
  // a reload would drop this mark
  await page.evaluate(() => ((window as unknown as { mark: number }).mark = 1));
  await expect(viewer(page).getByText("tick 3 of 20")).toBeVisible({ timeout: 60_000 });
  await expect(stateBadge(page)).toHaveText("运行中");
  const early = await lineCount(page);
  // following the tail: the newest lines keep coming into view
  await expect(viewer(page).getByText("tick 15 of 20")).toBeVisible({ timeout: 90_000 });
  expect(await lineCount(page)).toBeGreaterThan(early);
  await expect(page.getByRole("checkbox", { name: "跟随输出" })).toBeChecked();
  await expect(stateBadge(page)).toHaveText("成功", { timeout: 60_000 });
  await expect(viewer(page).getByText(/^PLAY RECAP/)).toBeVisible();
  // the state came from the stream: the job record was read on opening and once at the end, not every few seconds
  await expect.poll(() => recordReads.length).toBeGreaterThanOrEqual(1);
  expect(recordReads.length).toBeLessThanOrEqual(2);
  await expect(viewer(page).getByText(/localhost\s+: ok=40\s+changed=20/)).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "跟随输出" })).toBeHidden();
  expect(await page.evaluate(() => (window as unknown as { mark?: number }).mark)).toBe(1);
  // the colours are rendered, not printed as codes
  await expect(viewer(page).getByText("changed: [localhost]").first()).toHaveCSS("color", "rgb(250, 204, 21)");
  await expect(viewer(page)).not.toContainText("[0;33m");
  // the host recap arrived with the end
  const hosts = page.getByRole("table", { name: "各主机的执行结果" });
  await expect(hosts.getByRole("row", { name: /localhost/ })).toContainText("40");
});

test("cancel a running job: confirm, see it canceling, then canceled", async ({ page, request }) => {
  const job = await launch(request, (await data(request)).templates.sleep!);
  await page.goto(`/jobs/${job.id}`);
  await expect(viewer(page).getByText("TASK [long sleep]")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "取消作业" }).click();
  const dialog = page.getByRole("dialog", { name: `取消作业 #${job.id}` });
  await expect(dialog).toContainText("确定要取消这个作业吗？");
  // "canceling" lasts from the server's answer until the worker has stopped Ansible (its check
  // runs every 0.5 s): too short to poll for, so every change of the page is recorded instead
  await recordCancelControl(page);
  await dialog.getByRole("button", { name: "确认取消作业" }).click();
  await expect(dialog).toBeHidden();
  await expect(stateBadge(page)).toHaveText("已取消", { timeout: 15_000 });
  await expect(page.getByRole("button", { name: /取消作业|正在取消/ })).toBeHidden();
  const seen = await recordedCancelControl(page);
  const closed = seen.slice(seen.findIndex((s) => !s.dialog));
  // the dialog closed onto "canceling…", disabled, while the job still ran; never back to "cancel"
  expect(closed[0]).toEqual({ dialog: false, button: "正在取消…", disabled: true, state: "运行中" });
  expect(closed.filter((s) => s.button === "取消作业")).toEqual([]);
  expect(closed.at(-1)).toMatchObject({ button: null, state: "已取消" });
  // why it ended, at the top: who canceled it, and when
  await expect(page.getByTestId("job-explanation")).toContainText(/结束原因.*已由 管理员 于 \d{4}-\d{2}-\d{2} [\d:]+（北京时间） 取消。/);
  // canceling again is a 409, which the API reports and the page no longer offers
  expect((await request.post(`/api/job/job/${job.id}/cancel/`)).status()).toBe(409);
});

test("cancel from the history row", async ({ page, request }) => {
  const seed = await data(request);
  const job = await launch(request, seed.templates.sleep!);
  expect(await waitForState(request, job.id, ["running"])).toBe("running");
  await page.goto(`/jobs?search=${encodeURIComponent(seed.templates.sleep!.name)}`);
  const row = rowOf(page, job.id);
  await expect(row).toContainText("运行中");
  await row.getByRole("button", { name: `取消作业 #${job.id}` }).click();
  await page
    .getByRole("dialog", { name: `取消作业 #${job.id}` })
    .getByRole("button", { name: "确认取消作业" })
    .click();
  await expect(row).toContainText("已取消", { timeout: 15_000 });
  await expect(row.getByRole("button", { name: `取消作业 #${job.id}` })).toBeHidden();
});

test("a 6,000-line job: windows load as it scrolls; search jumps to a line", async ({ page, request }) => {
  test.setTimeout(120_000);
  const job = await launch(request, (await data(request)).templates.many!);
  expect(await waitForState(request, job.id, ["successful", "failed", "error"])).toBe("successful");
  const limits: number[] = [];
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.pathname.endsWith(`/${job.id}/lines/`) && !u.searchParams.has("search")) limits.push(Number(u.searchParams.get("limit")));
  });
  await page.goto(`/jobs/${job.id}`);
  await expect(page.getByTestId("output-count")).toHaveText(/共 60\d\d 行/);
  const total = await lineCount(page);
  await expect(viewer(page).locator('[data-line="1"]')).toBeVisible();
  // only what is in view is in the page
  expect(await viewer(page).locator("[data-line]").count()).toBeLessThan(150);

  await viewer(page).evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(viewer(page).locator(`[data-line="${total}"]`)).toBeVisible();
  await expect(viewer(page).getByText(/^PLAY RECAP/)).toBeVisible();
  await expect(viewer(page).getByText('"row-06000"')).toBeVisible();
  // the whole output was never asked for at once
  expect(limits.length).toBeGreaterThanOrEqual(2);
  expect(Math.max(...limits)).toBeLessThanOrEqual(500);

  await page.getByRole("searchbox", { name: "搜索输出" }).fill("row-03217");
  const results = page.getByRole("region", { name: "搜索结果" });
  await expect(results.getByRole("heading")).toHaveText("1 条匹配");
  const hit = results.getByRole("button", { name: /跳到第 \d+ 行/ });
  const line = Number((await hit.textContent())!.match(/第 (\d+) 行/)![1]);
  await hit.click();
  const row = viewer(page).locator(`[data-line="${line}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText('"row-03217"');
  await expect(row).toHaveClass(/bg-amber/);
  await expect(viewer(page).locator(`[data-line="${total}"]`)).toHaveCount(0);
});

test("a failed host: the recap marks it, filters the output to it, re-runs only it", async ({ page, request }) => {
  test.setTimeout(90_000);
  const job = await launch(request, (await data(request)).templates.mixed!);
  expect(await waitForState(request, job.id, ["successful", "failed", "error"])).toBe("failed");
  await page.goto(`/jobs/${job.id}`);
  // the reason first: which host, and why
  await expect(page.getByTestId("job-explanation")).toContainText("主机 bad 不可达");
  const hosts = page.getByRole("table", { name: "各主机的执行结果" });
  const bad = hosts.getByRole("row", { name: /bad/ });
  await expect(bad).toContainText("失败");
  await expect(bad).toHaveAttribute("data-failed", "true");
  await expect(hosts.getByRole("row", { name: /localhost/ })).not.toHaveAttribute("data-failed");

  await bad.getByRole("button", { name: "bad" }).click();
  await expect(page.getByText("主机：bad")).toBeVisible();
  const texts = viewer(page).locator("[data-line] > span:last-child");
  await expect(texts.first()).toBeVisible();
  for (const text of await texts.allTextContents()) expect(text).toMatch(/\bbad\b/);
  await expect(viewer(page)).not.toContainText("ok: [localhost]");
  await page.getByRole("button", { name: "清除主机筛选：bad" }).click();
  await expect(page.getByText("主机：bad")).toBeHidden();
  await expect(viewer(page)).toContainText("ok: [localhost]");

  // unreachable in a task: the re-run can also start there
  await expect(page.getByRole("button", { name: "从失败的任务继续" })).toHaveAttribute("title", /“ping”.*：bad$/);
  await page.getByRole("button", { name: "重新执行失败主机" }).click();
  await expect(page).not.toHaveURL(`/jobs/${job.id}`);
  await expect(page).toHaveURL(/\/jobs\/\d+$/);
  const newId = Number(page.url().split("/").pop());
  const rerun = (await (await request.get(`/api/job/job/${newId}/`)).json()) as Job;
  expect(rerun.limit).toBe("bad");
  expect(rerun.job).toBe(job.id);
  await expect(page.getByRole("heading", { name: `作业 #${newId}` })).toBeVisible();
  await expect(
    page
      .getByRole("term")
      .filter({ hasText: /^限制主机 \(limit\)$/ })
      .locator("xpath=following-sibling::dd[1]"),
  ).toHaveText("bad");
});

test("resume from the failed task: offered with the task and hosts, the new job starts there on them", async ({ page, request }) => {
  test.setTimeout(90_000);
  const job = await launch(request, (await data(request)).templates.steps!);
  expect(await waitForState(request, job.id, ["successful", "failed", "error"])).toBe("failed");
  await page.goto(`/jobs/${job.id}`);
  await expect(page.getByTestId("job-explanation")).toContainText("主机 h2 的任务 “B” 失败");
  const resume = page.getByRole("button", { name: "从失败的任务继续" });
  await expect(resume).toHaveAttribute("title", "从失败的任务 “B” 开始（跳过它之前的任务），只在失败或不可达的主机上重新执行：h2");
  await expect(page.getByRole("button", { name: "重新执行失败主机" })).toBeVisible();

  await resume.click();
  await expect(page).not.toHaveURL(`/jobs/${job.id}`);
  await expect(page).toHaveURL(/\/jobs\/\d+$/);
  const newId = Number(page.url().split("/").pop());
  const rerun = (await (await request.get(`/api/job/job/${newId}/`)).json()) as Job;
  expect(rerun).toMatchObject({ job: job.id, limit: "h2", start_at_task: "B" });
  await expect(page.getByRole("heading", { name: `作业 #${newId}` })).toBeVisible();
  const field = (label: RegExp) => page.getByRole("term").filter({ hasText: label }).locator("xpath=following-sibling::dd[1]");
  await expect(field(/^限制主机 \(limit\)$/)).toHaveText("h2");
  await expect(field(/^起始任务 \(start_at_task\)$/)).toHaveText("B");
  // it ran from B on h2 (B fails there again: nothing was fixed), never A
  await expect(viewer(page).getByText("TASK [B]")).toBeVisible({ timeout: 60_000 });
  await expect(stateBadge(page)).toHaveText("失败", { timeout: 60_000 });
  await expect(viewer(page)).not.toContainText("TASK [A]");
  await expect(viewer(page)).not.toContainText("[h1]");
});

test("empty states: none recorded for an import; none yet, then live lines, for a job that starts slowly", async ({ page, request }) => {
  const imported = await post<Job>(request, "/api/job/job/", {
    state: "successful",
    kind: "adhoc",
    module: "ping",
    inventory_str: "localhost",
    start_time: 1746000000,
    finish_time: 1746000042,
  });
  await page.goto(`/jobs/${imported.id}`);
  await expect(page.getByText("没有记录输出。")).toBeVisible();
  await expect(page.getByRole("button", { name: "重新执行失败主机" })).toBeHidden();
  await expect(page.getByRole("button", { name: "从失败的任务继续" })).toBeHidden();
  await expect(page.getByText("没有主机汇总。")).toBeVisible();
  await expect(page.getByRole("link", { name: "下载文本" })).toBeHidden();

  const late = await launch(request, (await data(request)).templates.late!);
  await page.goto(`/jobs/${late.id}`);
  await expect(page.getByText("暂无输出")).toBeVisible();
  await expect(page.getByText("作业开始运行后，输出会实时显示在这里。")).toBeVisible();
  await expect(viewer(page).getByText("TASK [ping]")).toBeVisible({ timeout: 30_000 });
  await expect(stateBadge(page)).toHaveText("成功", { timeout: 30_000 });
  await expect(page.getByRole("link", { name: "下载文本" })).toHaveAttribute("href", `/api/job/job/${late.id}/stdout/?format=txt&download=1`);
  await expect(page.getByRole("link", { name: "下载 ANSI" })).toHaveAttribute("href", `/api/job/job/${late.id}/stdout/?format=ansi&download=1`);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载文本" }).click();
  expect((await download).suggestedFilename()).toBe(`job_${late.id}.txt`);
});

/** Runs a template to its end and opens the job's page. */
async function openFinished(page: Page, request: APIRequestContext, key: string, expected: string, suffix = "") {
  const job = await launch(request, (await data(request)).templates[key]!);
  expect(await waitForState(request, job.id, ["successful", "failed", "error", "canceled"])).toBe(expected);
  await page.goto(`/jobs/${job.id}${suffix}`);
  return job;
}
const marked = (page: Page) => viewer(page).locator("[data-line].bg-amber-400\\/25");
const markedLine = async (page: Page) => Number(await marked(page).getAttribute("data-line"));

test("failures first: each failed host with its task and message, linked to its line of the output", async ({ page, request }) => {
  test.setTimeout(90_000);
  const job = await openFinished(page, request, "fails", "failed");
  const summary = page.getByRole("region", { name: "失败的主机（3）" });
  await expect(summary.getByRole("listitem")).toHaveCount(3);
  const h2 = summary.getByRole("listitem").filter({ hasText: "h2" });
  await expect(h2).toContainText("失败");
  await expect(h2).toContainText("任务 “B”");
  await expect(h2).toContainText("B broke");
  await expect(summary.getByRole("listitem").filter({ hasText: "bad" })).toContainText(/不可达.*任务 “A”/);
  await expect(summary.getByRole("listitem").filter({ hasText: "h3" })).toContainText("C broke on h3");
  // above the output, and the host recap beside the output (1280 px is a wide screen)
  const [sBox, oBox, rBox] = await Promise.all([
    summary.boundingBox(),
    viewer(page).boundingBox(),
    page.getByRole("region", { name: "主机汇总" }).boundingBox(),
  ]);
  expect(sBox!.y + sBox!.height).toBeLessThanOrEqual(oBox!.y);
  expect(rBox!.x).toBeGreaterThanOrEqual(oBox!.x + oBox!.width);
  expect(rBox!.y).toBeLessThan(oBox!.y + oBox!.height);

  const link = h2.getByRole("link");
  const line = Number((await link.getAttribute("href"))!.slice(2));
  await link.click();
  await expect(page).toHaveURL(`/jobs/${job.id}#L${line}`);
  const row = viewer(page).locator(`[data-line="${line}"]`);
  await expect(row).toBeInViewport();
  await expect(row).toContainText("fatal: [h2]: FAILED!");
  await expect(row).toHaveClass(/bg-amber/);
  const bad = Number((await summary.getByRole("listitem").filter({ hasText: "bad" }).getByRole("link").getAttribute("href"))!.slice(2));
  expect(bad).toBeLessThan(line);
});

test("next and previous failure step through the failed and unreachable lines", async ({ page, request }) => {
  test.setTimeout(90_000);
  await openFinished(page, request, "fails", "failed");
  const next = page.getByRole("button", { name: "下一处失败" });
  const prev = page.getByRole("button", { name: "上一处失败" });
  await expect(page.getByTestId("failure-position")).toHaveText("共 3 处失败");
  const seen: string[] = [];
  for (let i = 1; i <= 3; i++) {
    await next.click();
    await expect(page.getByTestId("failure-position")).toHaveText(`失败 ${i}/3`);
    seen.push((await marked(page).textContent())!);
  }
  expect(seen[0]).toContain("fatal: [bad]: UNREACHABLE!");
  expect(seen[1]).toContain("fatal: [h2]: FAILED!");
  expect(seen[2]).toContain("fatal: [h3]: FAILED!");
  await expect(next).toBeDisabled();
  const last = await markedLine(page);
  await prev.click();
  await expect(page.getByTestId("failure-position")).toHaveText("失败 2/3");
  expect(await markedLine(page)).toBeLessThan(last);
  await expect(marked(page)).toContainText("fatal: [h2]");
  await expect(marked(page)).toBeInViewport();
  await prev.click();
  await expect(prev).toBeDisabled();
});

test("plays and tasks fold at their banners, which say how long each took and who failed; a failure shown unfolds its task", async ({ page, request }) => {
  test.setTimeout(90_000);
  await openFinished(page, request, "fails", "failed");
  const fold = (name: string) => page.getByRole("button", { name: `折叠任务 “${name}”` });
  const unfold = (name: string) => page.getByRole("button", { name: `展开任务 “${name}”` });
  const banner = (name: string) =>
    viewer(page)
      .locator("[data-line]")
      .filter({ hasText: `TASK [${name}]` });
  const h2Failure = viewer(page).locator("[data-line]").filter({ hasText: "fatal: [h2]: FAILED!" });
  for (const name of ["A", "B", "C", "D"]) await expect(fold(name)).toHaveAttribute("aria-expanded", "true");
  // the times and hosts come from the job's events
  await expect(banner("A").getByTestId("section-meta")).toHaveText(/^耗时 (不到 1 秒|\d+秒) · 1 台不可达$/);
  await expect(banner("B").getByTestId("section-meta")).toHaveText(/^耗时 (不到 1 秒|\d+秒) · 1 台失败$/);
  await expect(banner("D").getByTestId("section-meta")).toHaveText(/^耗时 (不到 1 秒|\d+秒)$/);
  const total = await lineCount(page);

  // folding B hides its lines, down to the banner of C
  await expect(h2Failure).toBeVisible();
  const bLine = Number(await banner("B").getAttribute("data-line"));
  const cLine = Number(await banner("C").getAttribute("data-line"));
  await fold("B").click();
  await expect(unfold("B")).toHaveAttribute("aria-expanded", "false");
  await expect(h2Failure).toHaveCount(0);
  await expect(banner("B").getByTestId("section-meta")).toContainText(`已折叠 ${cLine - bLine - 1} 行`);
  await expect(viewer(page).locator(`[data-line="${bLine}"] + [data-line]`)).toHaveAttribute("data-line", String(cLine));
  expect(await lineCount(page)).toBe(total);

  // the next failures go through B's: it opens, and the line is shown
  await page.getByRole("button", { name: "下一处失败" }).click();
  await page.getByRole("button", { name: "下一处失败" }).click();
  await expect(page.getByTestId("failure-position")).toHaveText("失败 2/3");
  await expect(marked(page)).toContainText("fatal: [h2]: FAILED!");
  await expect(marked(page)).toBeInViewport();
  await expect(fold("B")).toHaveAttribute("aria-expanded", "true");

  // every task at once, and back; the play folds down to the recap
  await page.getByRole("button", { name: "折叠所有任务" }).click();
  for (const name of ["A", "B", "C", "D"]) await expect(unfold(name)).toBeVisible();
  await expect(
    viewer(page)
      .locator("[data-line]")
      .filter({ hasText: /^\d+(ok|fatal|changed|skipping):/ }),
  ).toHaveCount(0);
  await page.getByRole("button", { name: "全部展开" }).click();
  await expect(h2Failure).toBeVisible();
  await expect(page.getByRole("button", { name: "全部展开" })).toBeDisabled();
  await page.getByRole("button", { name: "折叠play “all”" }).click();
  const play = viewer(page).locator("[data-line]").filter({ hasText: "PLAY [all]" });
  await expect(viewer(page).locator("[data-line]").filter({ hasText: "TASK [" })).toHaveCount(0);
  await expect(play.locator("xpath=following-sibling::*[1]")).toContainText("PLAY RECAP");
});

test("long lines wrap by default; the choice to scroll sideways instead is remembered", async ({ page, request }) => {
  test.setTimeout(90_000);
  await openFinished(page, request, "long", "successful");
  const row = viewer(page).locator("[data-line]").filter({ hasText: "xxxxxxxxxx" });
  const wrap = page.getByRole("checkbox", { name: "自动换行" });
  await expect(wrap).toBeChecked();
  await expect.poll(async () => (await row.boundingBox())!.height).toBeGreaterThan(100);
  // rows are measured: the next line starts below the wrapped one
  const next = viewer(page).locator(`[data-line="${Number(await row.getAttribute("data-line")) + 1}"]`);
  const [a, b] = [(await row.boundingBox())!, (await next.boundingBox())!];
  expect(b.y).toBeGreaterThanOrEqual(a.y + a.height - 1);
  expect(await viewer(page).evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

  await wrap.uncheck();
  await expect.poll(async () => (await row.boundingBox())!.height).toBe(20);
  expect(await viewer(page).evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "自动换行" })).not.toBeChecked();
  await expect.poll(async () => (await row.boundingBox())?.height).toBe(20);
  await page.getByRole("checkbox", { name: "自动换行" }).check();
  await expect.poll(async () => (await row.boundingBox())!.height).toBeGreaterThan(100);
});

test("#L29 opens the page at that line; a line's number puts its address in the URL", async ({ page, request }) => {
  test.setTimeout(120_000);
  const job = await openFinished(page, request, "many", "successful", "#L29");
  await expect(marked(page)).toHaveAttribute("data-line", "29");
  await expect(marked(page)).toBeInViewport();
  // deep in a 6,000-line output: the window is fetched and the line scrolled to
  await page.goto(`/jobs/${job.id}#L4321`);
  await expect(marked(page)).toHaveAttribute("data-line", "4321");
  await expect(marked(page)).toBeInViewport();
  await expect(marked(page)).toContainText("row-");
  await viewer(page).locator('[data-line="4325"] a').click();
  await expect(page).toHaveURL(`/jobs/${job.id}#L4325`);
  await expect(marked(page)).toHaveAttribute("data-line", "4325");
  await page.reload();
  await expect(marked(page)).toHaveAttribute("data-line", "4325");
  await expect(marked(page)).toBeInViewport();
});

test("the output's search and host filter are in the URL, so a link shows the same", async ({ page, request }) => {
  test.setTimeout(120_000);
  const job = await openFinished(page, request, "many", "successful");
  await page.getByRole("searchbox", { name: "搜索输出" }).fill("row-03217");
  await expect(page).toHaveURL(`/jobs/${job.id}?q=row-03217`);
  await page.goto(`/jobs/${job.id}?q=row-03217`);
  await expect(page.getByRole("searchbox", { name: "搜索输出" })).toHaveValue("row-03217");
  await expect(page.getByRole("region", { name: "搜索结果" }).getByRole("heading")).toHaveText("1 条匹配");

  const mixed = await openFinished(page, request, "mixed", "failed");
  await page.getByRole("table", { name: "各主机的执行结果" }).getByRole("button", { name: "bad" }).click();
  await expect(page).toHaveURL(`/jobs/${mixed.id}?host=bad`);
  await page.reload();
  await expect(page.getByText("主机：bad")).toBeVisible();
  await page.getByRole("button", { name: "清除主机筛选：bad" }).click();
  await expect(page).toHaveURL(`/jobs/${mixed.id}`);
});
