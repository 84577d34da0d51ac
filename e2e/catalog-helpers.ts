import fs from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** A play that runs in a second on the test machine and says something findable in the output. */
export const HELLO_PLAYBOOK = `- hosts: all
  gather_facts: false
  tasks:
    - name: say hello
      ansible.builtin.debug:
        msg: "hello from {{ inventory_hostname }}"
`;

/** Runs on the test machine itself, with the system's Python. */
export const LOCAL_INVENTORY = "localhost ansible_connection=local ansible_python_interpreter=/usr/bin/python3";

/** The server's projects root: DATA_DIR/projects as e2e/serve.sh sets DATA_DIR, or ./data on PostgreSQL. */
export function projectsRoot(): string {
  if (process.env.E2E_DATABASE_URL) return path.resolve("data", "projects");
  return path.join(process.env.TMPDIR || "/tmp", `zuoye-e2e-${process.env.E2E_PORT ?? 3210}`, "projects");
}

/** A folder of playbooks where the server looks for manual projects. */
export function makeProjectFolder(name: string, files: Record<string, string>): void {
  const dir = path.join(projectsRoot(), name);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
}

/** A short tag for this run's names (searchable, readable in screenshots). */
export const tag = () => Math.random().toString(36).slice(2, 6);

/** A template that really runs HELLO_PLAYBOOK on this machine, seeded through the API. */
export async function seedRunnableTemplate(request: APIRequestContext, name: string, extra: Record<string, unknown> = {}) {
  const folder = `${name.replace(/\W+/g, "-")}-${tag()}`;
  makeProjectFolder(folder, { "hello.yml": HELLO_PLAYBOOK });
  const post = async (kind: string, data: Record<string, unknown>) => {
    const res = await request.post(`/api/job/${kind}/`, { data });
    expect(res.status(), `${kind}: ${await res.text()}`).toBe(201);
    return (await res.json()) as { id: number; name: string };
  };
  const project = await post("project", { name: `${name} 项目`, local_path: folder });
  const inventory = await post("inventory", { name: `${name} 本机`, content: LOCAL_INVENTORY });
  const credential = await post("credential", { name: `${name} 凭据`, username: "root" });
  return post("template", { name, project: project.id, inventory: inventory.id, credential: credential.id, playbook: "hello.yml", ...extra });
}

/** Follows a link of the header's main navigation. */
export async function navigate(page: Page, section: string) {
  await page.getByRole("navigation", { name: /主导航|Main/ }).getByRole("link", { name: section, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: section, exact: true })).toBeVisible();
}
