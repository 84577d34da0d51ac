import fs from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import type { Named } from "./helpers";
import { createProject, LOCAL_HOST, post, PROJECTS_ROOT } from "./project-helpers";

/** A play that runs in a second on the test machine and says something findable in the output. */
export const HELLO_PLAYBOOK = `- hosts: all
  gather_facts: false
  tasks:
    - name: say hello
      ansible.builtin.debug:
        msg: "hello from {{ inventory_hostname }}"
`;

/** A folder of playbooks (paths may have sub-folders) where the server looks for manual projects. */
export function makeProjectFolder(name: string, files: Record<string, string>): void {
  const dir = path.join(PROJECTS_ROOT, name);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
}

/** A short tag for this run's names (searchable, readable in screenshots). */
export const tag = () => Math.random().toString(36).slice(2, 6);

/** A template that really runs HELLO_PLAYBOOK on this machine, seeded through the API. */
export async function seedRunnableTemplate(request: APIRequestContext, name: string, extra: Record<string, unknown> = {}) {
  const project = await createProject(request, `${name} 项目`, `hello-${tag()}`, { "hello.yml": HELLO_PLAYBOOK });
  const inventory = await post<Named>(request, "/api/job/inventory/", { name: `${name} 本机`, content: LOCAL_HOST });
  const credential = await post<Named>(request, "/api/job/credential/", { name: `${name} 凭据`, username: "root" });
  return post<Named>(request, "/api/job/template/", {
    name,
    project: project.id,
    inventory: inventory.id,
    credential: credential.id,
    playbook: "hello.yml",
    ...extra,
  });
}

/** Follows a link of the header's main navigation. */
export async function navigate(page: Page, section: string) {
  await page
    .getByRole("navigation", { name: /主导航|Main/ })
    .getByRole("link", { name: section, exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: section, exact: true })).toBeVisible();
}
