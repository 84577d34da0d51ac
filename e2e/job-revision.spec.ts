import { expect, test } from "./fixtures";
import { HELLO_PLAYBOOK, tag } from "./catalog-helpers";
import { launchJob, type Named } from "./helpers";
import { createGitProject, LOCAL_HOST, post, waitForState } from "./project-helpers";

test("a git project's job shows the commit it ran beside the project; an ad-hoc command's shows none", async ({ page, request }) => {
  test.setTimeout(120_000);
  const t = tag();
  const { project, revision } = await createGitProject(request, `仓库 ${t}`, { "site.yml": HELLO_PLAYBOOK });
  const inventory = await post<Named>(request, "/api/job/inventory/", { name: `本机 ${t}`, content: LOCAL_HOST });
  const credential = await post<Named>(request, "/api/job/credential/", { name: `凭据 ${t}`, username: "root" });
  const job = await launchJob(request, { project: project.id, inventory: inventory.id, credential: credential.id, playbook: "site.yml" });
  expect(await waitForState(request, job.id, ["successful", "failed", "error"])).toBe("successful");
  expect(((await (await request.get(`/api/job/job/${job.id}/`)).json()) as { scm_revision: string }).scm_revision).toBe(revision);

  await page.goto(`/jobs/${job.id}`);
  const shown = page.getByTestId("job-revision");
  await expect(shown).toHaveText(revision.slice(0, 7));
  await expect(shown).toHaveAttribute("title", `提交 ${revision}`);
  // it sits in the overview right after the project
  const terms = await page.getByRole("term").allTextContents();
  expect(terms[terms.indexOf("项目") + 1]).toBe("代码版本");
  await expect(page.getByRole("button", { name: `复制 ${revision}` })).toBeVisible();

  const adhoc = await launchJob(request, { kind: "adhoc", module: "ping", inventory: inventory.id, credential: credential.id, limit: "localhost" });
  expect(await waitForState(request, adhoc.id, ["successful", "failed", "error"])).toBe("successful");
  await page.goto(`/jobs/${adhoc.id}`);
  await expect(page.getByRole("heading", { name: new RegExp(`^作业 #${adhoc.id}`) })).toBeVisible();
  await expect(page.getByRole("term").filter({ hasText: "代码版本" })).toHaveCount(0);
});
