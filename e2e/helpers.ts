import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";

// The helpers that seed through the API take the tests' `request` (e2e/fixtures.ts), which
// sends the admin's API token: every /api/ endpoint needs one.

/** A token no other test's data contains: each test filters its own rows by it. */
export const uniq = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export type Named = { id: number; name: string };
export type Job = Record<string, unknown> & { id: number; state: string; job: number | null };

async function post<T>(request: APIRequestContext, path: string, data: Record<string, unknown>): Promise<T> {
  const res = await request.post(path, { data });
  expect(res.status(), `${path} ${JSON.stringify(data)} → ${await res.text()}`).toBe(201);
  return (await res.json()) as T;
}

export const createCredential = (r: APIRequestContext, name: string) => post<Named>(r, "/api/job/credential/", { name, username: "root" });
/** Runs on the test machine itself: jobs launched against it really execute. */
export const createInventory = (r: APIRequestContext, name: string) =>
  post<Named>(r, "/api/job/inventory/", { name, content: "localhost ansible_connection=local" });
export const createTemplate = (r: APIRequestContext, name: string, extra: Record<string, unknown> = {}) =>
  post<Named>(r, "/api/job/template/", { name, ...extra });
export const createSchedule = (r: APIRequestContext, name: string, template: number) =>
  post<Named>(r, "/api/job/schedule/", { name, template, cron: "0 3 * * *", enabled: false });

/** A history import: a run that happened elsewhere, stored as given and never executed. */
export function importJob(r: APIRequestContext, fields: Record<string, unknown>) {
  const start = (fields.start_time as number | undefined) ?? Math.floor(Date.now() / 1000) - 3600;
  return post<Job>(r, "/api/job/job/", {
    state: "successful",
    kind: "adhoc",
    module: "ping",
    inventory_str: fields.inventory ? "" : "localhost",
    start_time: start,
    finish_time: start + 42,
    ...fields,
  });
}

/** A job the executor runs now. */
export const launchJob = (r: APIRequestContext, fields: Record<string, unknown>) => post<Job>(r, "/api/job/job/", { state: "new", ...fields });

/** Unix seconds of a wall-clock time in Asia/Shanghai (the browser's zone in these tests). */
export const shanghai = (isoLocal: string) => Math.floor(new Date(`${isoLocal}+08:00`).getTime() / 1000);

export const jobCount = (page: Page) => page.getByTestId("job-count");

export const jobTable = (page: Page) => page.getByRole("table", { name: /作业列表|Jobs/ });

/** The ids of the rows on screen, top to bottom. */
export async function rowIds(page: Page): Promise<number[]> {
  const cells = jobTable(page).locator("tbody tr td:nth-child(2)");
  return (await cells.allTextContents()).map(Number);
}

export async function expectRows(page: Page, ids: number[]) {
  await expect.poll(() => rowIds(page)).toEqual(ids);
}

export const rowOf = (page: Page, id: number): Locator =>
  jobTable(page)
    .getByRole("row")
    .filter({ has: page.getByRole("checkbox", { name: new RegExp(`#${id}$`) }) });

/** Picks an option of a searchable select (template, inventory, ...). */
export async function pick(page: Page, label: string, name: string) {
  const box = page.getByRole("combobox", { name: label, exact: true });
  await box.click();
  await box.fill(name);
  await page.getByRole("option", { name, exact: true }).click();
  await expect(box).toHaveValue(name);
}

export async function clearPick(page: Page, label: string) {
  await page.getByRole("button", { name: `清除${label}` }).click();
  await expect(page.getByRole("combobox", { name: label, exact: true })).toHaveValue("");
}

/** Sets the history's state filter to exactly `states` (their Chinese names; none = any state). */
export async function pickStates(page: Page, states: string[]) {
  const button = page.getByRole("button", { name: /^状态：/ });
  await button.click();
  const group = page.getByRole("group", { name: "状态", exact: true });
  for (const box of await group.getByRole("checkbox").all()) {
    const name = (await box.evaluate((el) => el.closest("label")?.textContent ?? "")).trim();
    await box.setChecked(states.includes(name));
  }
  await page.keyboard.press("Escape");
  await expect(button).toHaveAccessibleName(`状态：${states.length ? states.join("、") : "全部"}`);
}
