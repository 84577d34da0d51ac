import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/client";
import { startExecutor, type Executor } from "@/executor/start-executor";
import { api, ctx } from "../api";
import { makeLocalInventory, makeProject, outputOf, waitForState } from "./helpers";

const SECRET = "Enc-Secret-4711";
let executor: Executor;

beforeAll(async () => {
  const c = await ctx();
  executor = await startExecutor(c.database, { ...c.config, workerCapacity: 1, workerId: "enc-worker" });
}, 60_000);

afterAll(async () => {
  await executor?.stop();
});

describe("credential secrets at rest", () => {
  it("are stored encrypted, decrypted only by the executor, and masked in the output", async () => {
    const created = await api("POST", "/api/job/credential/", { json: { name: "加密", username: "ops", password: SECRET, become_password: SECRET } });
    expect(created.status).toBe(201);
    expect(created.body.password).toBe("$encrypted$");
    const { db } = await ctx();
    const [row] = rowsOf<{ password: string; become_password: string }>(
      await db.execute(sql`select password, become_password from credentials where id = ${created.body.id}`),
    );
    expect(row!.password).toMatch(/^\$aes256gcm\$v1\$/);
    expect(row!.password).not.toContain(SECRET);

    const project = await makeProject("enc", {
      "show.yml": `- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.debug: { msg: "pw=${SECRET}" }\n`,
    });
    const r = await api("POST", "/api/job/job/", {
      json: { project: project.id, playbook: "show.yml", inventory: (await makeLocalInventory()).id, credential: created.body.id },
    });
    const job = await waitForState(r.body.id);
    const out = (await outputOf(job.id)).join("\n");
    expect(job.state, out).toBe("successful");
    expect(out).toContain("pw=********");
    expect(out).not.toContain(SECRET);
  });
});
