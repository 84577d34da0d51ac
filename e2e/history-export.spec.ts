import fs from "node:fs";
import type { Download, Page } from "@playwright/test";
import { browserAs, createUser } from "./auth-helpers";
import { expect, test } from "./fixtures";
import { createTemplate, expectRows, importJob, jobCount, pickStates, shanghai, uniq } from "./helpers";

/** RFC 4180 records of a downloaded file, after checking it starts with the UTF-8 BOM. */
async function readCsv(download: Download): Promise<string[][]> {
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString("utf8");
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted) cell += c;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

async function exportFrom(page: Page) {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出 CSV" }).click();
  return download;
}

test("exports every job of the filtered history, all pages, in the table's order", async ({ page, request }) => {
  const token = uniq("csv");
  const template = await createTemplate(request, `${token} 部署, "生产"`);
  const base = shanghai("2025-07-01T09:00:00");
  const jobs = [];
  for (let i = 0; i < 24; i++) {
    jobs.push(
      await importJob(request, {
        template: i % 2 ? template.id : null,
        state: i % 2 ? "failed" : "successful",
        start_time: base + (23 - i) * 600,
        finish_time: base + (23 - i) * 600 + i,
        arguments: `data=${token} 第${i}次`,
      }),
    );
  }
  const failed = jobs.filter((j) => j.state === "failed");
  const byStart = [...failed].sort((a, b) => (a.start_time as number) - (b.start_time as number));

  await page.goto(`/jobs?search=${token}&size=10&ordering=start_time`);
  await expect(jobCount(page)).toHaveText("共 24 条");
  await pickStates(page, ["失败"]);
  await expect(jobCount(page)).toHaveText("共 12 条");
  // the page shows 10 of them; the file has all 12
  await expectRows(
    page,
    byStart.slice(0, 10).map((j) => j.id),
  );

  const download = await exportFrom(page);
  expect(download.suggestedFilename()).toMatch(/^jobs-\d{8}-\d{6}\.csv$/);
  const [header, ...rows] = await readCsv(download);
  expect(header).toEqual([
    "ID",
    "模板",
    "类型",
    "状态",
    "执行人",
    "项目",
    "Playbook",
    "模块",
    "参数",
    "主机清单",
    "凭据",
    "计划任务",
    "限制主机 (limit)",
    "重新执行自",
    "开始时间",
    "结束时间",
    "耗时（秒）",
    "结束原因",
    "代码版本",
  ]);
  expect(rows.map((r) => Number(r[0]))).toEqual(byStart.map((j) => j.id));
  for (const [i, job] of byStart.entries()) {
    const row = rows[i]!;
    expect(row[1]).toBe(template.name);
    expect(row[3]).toBe("失败");
    expect(row[8]).toBe(job.arguments);
    // times as the table shows them: the browser's zone (Asia/Shanghai here)
    const start = job.start_time as number;
    expect(row[14]).toBe(new Date((start + 8 * 3600) * 1000).toISOString().slice(0, 19).replace("T", " "));
    expect(row[16]).toBe(String((job.finish_time as number) - start));
  }
});

test("exports past the page on screen, with the same filter, for a viewer too", async ({ page, request, browser }) => {
  const token = uniq("csvp");
  const ids: number[] = [];
  for (let i = 0; i < 12; i++) ids.push((await importJob(request, { arguments: `x=${token}`, state: i < 11 ? "failed" : "successful" })).id);
  const failedNewestFirst = ids.slice(0, 11).reverse();

  await page.goto(`/jobs?search=${token}&state=failed&size=10`);
  await expect(jobCount(page)).toHaveText("共 11 条");
  await page.getByRole("button", { name: "下一页" }).click();
  await expectRows(page, [failedNewestFirst[10]!]);
  const link = page.getByRole("link", { name: "导出 CSV" });
  await expect(link).toHaveAttribute("href", /timezone=Asia%2FShanghai/);
  await expect(link).not.toHaveAttribute("href", /limit=|offset=/);
  const [, ...rows] = await readCsv(await exportFrom(page));
  expect(rows.map((r) => Number(r[0]))).toEqual(failedNewestFirst);

  const viewer = await createUser(request, { username: uniq("csvviewer"), role: "viewer", password: "viewer-password-1" });
  const { context, page: viewerPage } = await browserAs(browser, viewer.username, "viewer-password-1");
  try {
    await viewerPage.goto(`/jobs?search=${token}&state=successful`);
    await expect(jobCount(viewerPage)).toHaveText("共 1 条");
    const [, ...viewerRows] = await readCsv(await exportFrom(viewerPage));
    expect(viewerRows.map((r) => Number(r[0]))).toEqual([ids[11]]);
  } finally {
    await context.close();
  }
});
