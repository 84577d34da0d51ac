import fs from "node:fs";
import path from "node:path";
import { count, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { credentials, inventories, projects, schedules, templates, users } from "@/db/schema";
import { parseHosts } from "@/lib/inventory/parse-hosts";
import { nowSeconds } from "@/lib/time";
import { scanPlaybooks } from "../projects/scan-playbooks";
import { DEMO_CREDENTIALS, DEMO_INVENTORIES, DEMO_PROJECTS, DEMO_SCHEDULES, DEMO_TEMPLATES, DEMO_USERS } from "./catalog-data";

/**
 * Creates the demo users, projects (with their playbook folders under `projectsRoot`),
 * inventories, credentials, templates and schedules. Does nothing when templates exist
 * already, so the big seed can run again on a database it filled before.
 */
export async function seedCatalog(db: Db, opts: { projectsRoot: string; now?: number; seal?: (secret: string) => string }): Promise<{ created: boolean }> {
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(templates);
  if (Number(n) > 0) return { created: false };
  const ctime = (opts.now ?? nowSeconds()) - 90 * 86400;

  const playbooks: Record<string, string[]> = {};
  for (const p of DEMO_PROJECTS) {
    writeProjectFiles(opts.projectsRoot, p.folder, p.files);
    // what the project API would find in the folder
    playbooks[p.name] = await scanPlaybooks(path.join(opts.projectsRoot, p.folder));
  }

  await db.transaction(async (tx) => {
    await tx
      .insert(users)
      .values(DEMO_USERS.map((u) => ({ ...u, ctime })))
      .onConflictDoNothing({ target: users.username });
    const userIds = byKey(
      await tx
        .select({ id: users.id, key: users.username })
        .from(users)
        .where(
          inArray(
            users.username,
            DEMO_USERS.map((u) => u.username),
          ),
        ),
    );

    const projectIds = byKey(
      await tx
        .insert(projects)
        .values(
          DEMO_PROJECTS.map((p) => ({
            name: p.name,
            description: p.description,
            scmType: "manual",
            localPath: p.folder,
            playbooks: playbooks[p.name],
            ctime,
          })),
        )
        .returning({ id: projects.id, key: projects.name }),
    );
    const inventoryIds = byKey(
      await tx
        .insert(inventories)
        .values(DEMO_INVENTORIES.map((i) => ({ ...i, hosts: hostsOf(i.content), ctime })))
        .returning({ id: inventories.id, key: inventories.name }),
    );
    const credentialIds = byKey(
      await tx
        .insert(credentials)
        .values(DEMO_CREDENTIALS.map((c) => ({ ...c, password: opts.seal ? opts.seal(c.password) : c.password, ctime })))
        .returning({ id: credentials.id, key: credentials.name }),
    );
    const templateIds = byKey(
      await tx
        .insert(templates)
        .values(
          DEMO_TEMPLATES.map(({ project, inventory, credential, ...t }) => ({
            ...t,
            projectId: projectIds[project],
            inventoryId: inventoryIds[inventory],
            credentialId: credentialIds[credential],
            ctime,
          })),
        )
        .returning({ id: templates.id, key: templates.name }),
    );
    await tx.insert(schedules).values(
      DEMO_SCHEDULES.map((s) => {
        const templateId = templateIds[s.template];
        if (templateId === undefined) throw new Error(`demo schedule ${s.name}: no template ${s.template}`);
        return { name: s.name, templateId, cron: s.cron, timezone: "Asia/Shanghai", ownerId: userIds[s.owner] ?? null, ctime };
      }),
    );
  });
  return { created: true };
}

/** The inventory API's reading of the content. */
function hostsOf(content: string): string[] {
  const parsed = parseHosts(content);
  if (!parsed.ok) throw new Error(`demo inventory does not parse: ${parsed.error}`);
  return parsed.hosts;
}

function byKey(rows: { id: number; key: string }[]): Record<string, number> {
  return Object.fromEntries(rows.map((r) => [r.key, r.id]));
}

/** Writes a project's playbooks; files that exist already are left as they are. */
function writeProjectFiles(root: string, folder: string, files: Record<string, string>): void {
  const dir = path.join(root, folder);
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) fs.writeFileSync(file, content);
  }
}
