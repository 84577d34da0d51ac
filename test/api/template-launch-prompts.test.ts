import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { schedules } from "@/db/schema";
import { fireDueSchedules } from "@/core/schedules/fire-due-schedules";
import { api, ctx, resetDb } from "../api";
import { dbSnapshot, jobCount, jobRow, makeUser } from "../fixtures";
import { makeProjectDir, PLAYBOOK } from "../project-folders";

const ALL_ASKED = {
  ask_inventory_on_launch: true,
  ask_credential_on_launch: true,
  ask_job_type_on_launch: true,
  ask_forks_on_launch: true,
  ask_limit_on_launch: true,
  ask_tags_on_launch: true,
  ask_skip_tags_on_launch: true,
  ask_verbosity_on_launch: true,
  ask_variables_on_launch: true,
  ask_diff_mode_on_launch: true,
};
const NONE_ASKED = Object.fromEntries(Object.keys(ALL_ASKED).map((k) => [k, false]));

let refs: { project: number; inventory: number; credential: number; inventory2: number; credential2: number };

beforeEach(async () => {
  await resetDb();
  makeProjectDir("prompts", { "main.yml": PLAYBOOK });
  const post = async (path: string, json: Record<string, unknown>) => (await api("POST", path, { json })).body.id as number;
  refs = {
    project: await post("/api/job/project/", { name: "p", local_path: "prompts" }),
    inventory: await post("/api/job/inventory/", { name: "生产", content: "[web]\nweb1 ansible_host=127.0.0.1" }),
    credential: await post("/api/job/credential/", { name: "deploy", username: "deploy" }),
    inventory2: await post("/api/job/inventory/", { name: "预发", content: "[web]\nstaging1 ansible_host=127.0.0.1" }),
    credential2: await post("/api/job/credential/", { name: "ops", username: "ops" }),
  };
});

const template = async (extra: Record<string, unknown> = {}) => {
  const base = { name: "发布", project: refs.project, inventory: refs.inventory, credential: refs.credential, playbook: "main.yml" };
  const r = await api("POST", "/api/job/template/", { json: { ...base, limit: "web", tags: "deploy", forks: 5, variables: "version: 1", ...extra } });
  expect(r.status, r.text).toBe(201);
  return r.body;
};

/** Everything a launch may set, each different from the template's value. */
const everyPrompt = () => ({
  inventory: refs.inventory2,
  credential: refs.credential2,
  job_type: "check",
  forks: 12,
  limit: "staging1",
  tags: "hotfix",
  skip_tags: "slow",
  verbosity: 3,
  variables: "version: 2",
  diff_mode: 1,
});

describe("ask_*_on_launch flags", () => {
  it("round-trip through create, PATCH and a form, off by default", async () => {
    const plain = await template();
    expect(plain).toMatchObject(NONE_ASKED);
    const asked = await template({ name: "全部询问", ...ALL_ASKED });
    expect(asked).toMatchObject(ALL_ASKED);
    expect((await api("GET", `/api/job/template/${asked.id}/`)).body).toMatchObject(ALL_ASKED);

    const patched = await api("PATCH", `/api/job/template/${plain.id}/`, { form: { ask_limit_on_launch: "true", ask_forks_on_launch: "on" } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ ...NONE_ASKED, ask_limit_on_launch: true, ask_forks_on_launch: true });
    const off = await api("PATCH", `/api/job/template/${plain.id}/`, { json: { ask_limit_on_launch: false } });
    expect(off.body).toMatchObject({ ask_limit_on_launch: false, ask_forks_on_launch: true });

    const before = await dbSnapshot();
    const bad = await api("PATCH", `/api/job/template/${plain.id}/`, { json: { ask_limit_on_launch: "maybe", ask_tags_on_launch: null } });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ ask_limit_on_launch: ["必须是有效的布尔值。"], ask_tags_on_launch: ["该字段不能为 null。"] });
    expect(await dbSnapshot()).toEqual(before);
  });
});

describe("POST /api/job/template/<id>/launch/ with prompts", () => {
  it("applies every asked-for key to the job it stores", async () => {
    const t = await template(ALL_ASKED);
    const r = await api("POST", `/api/job/template/${t.id}/launch/`, { json: everyPrompt() });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({
      ...everyPrompt(),
      inventory_name: "预发",
      credential_name: "ops",
      template: t.id,
      playbook: "main.yml",
      variables_trusted: 0,
      ignored_fields: {},
    });
    expect(await jobRow(r.body.id)).toMatchObject({
      inventoryId: refs.inventory2,
      inventoryName: "预发",
      credentialId: refs.credential2,
      credentialName: "ops",
      jobType: "check",
      forks: 12,
      limit: "staging1",
      tags: "hotfix",
      skipTags: "slow",
      verbosity: 3,
      variables: "version: 2",
      diffMode: 1,
      state: "new",
    });
    const form = await api("POST", `/api/job/template/${t.id}/launch/`, { form: { limit: "web1", diff_mode: "0", verbosity: "1" } });
    expect(form.status, form.text).toBe(201);
    expect(form.body).toMatchObject({ limit: "web1", diff_mode: 0, verbosity: 1, inventory: refs.inventory, tags: "deploy", ignored_fields: {} });
  });

  it("leaves out what the template does not ask for and lists it, as sent, in ignored_fields", async () => {
    const t = await template({ ask_limit_on_launch: true });
    const sent = { ...everyPrompt(), limit: "web1", playbook: "other.yml", cuser: 1, state: "successful", extra_vars: { a: 1 } };
    const r = await api("POST", `/api/job/template/${t.id}/launch/`, { json: sent });
    expect(r.status, r.text).toBe(201);
    const { limit: _, ...ignored } = sent;
    expect(r.body.ignored_fields).toEqual(ignored);
    expect(r.body).toMatchObject({
      limit: "web1",
      inventory: refs.inventory,
      credential: refs.credential,
      job_type: "run",
      forks: 5,
      tags: "deploy",
      skip_tags: "",
      verbosity: 0,
      variables: "version: 1",
      variables_trusted: 1,
      diff_mode: 0,
      playbook: "main.yml",
      state: "new",
    });
    // a value not asked for is not even parsed: nothing to refuse
    const odd = await api("POST", `/api/job/template/${t.id}/launch/`, { json: { forks: "many", inventory: 99999 } });
    expect(odd.status).toBe(201);
    expect(odd.body.ignored_fields).toEqual({ forks: "many", inventory: 99999 });
    expect(odd.body).toMatchObject({ forks: 5, inventory: refs.inventory });
  });

  it("refuses bad asked-for values with the template's own messages, creating nothing", async () => {
    const t = await template(ALL_ASKED);
    const before = await dbSnapshot();
    const r = await api("POST", `/api/job/template/${t.id}/launch/`, {
      json: { inventory: 99999, credential: "x", job_type: "bogus", forks: 201, verbosity: 9, variables: "- a", diff_mode: "maybe", tags: "t".repeat(1025) },
    });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      // as a job create says it: the id does not exist, so the job would have no hosts
      inventory: ["无效主键 “99999” － 对象不存在。", "需要主机清单或主机列表（inventory_str）。"],
      credential: ["类型错误。期望为主键，获得的类型为 str。"],
      job_type: ["“bogus” 不是合法选项。"],
      forks: ["请确保该值小于或者等于 200。"],
      tags: ["请确保这个字段不能超过 1024 个字符。"],
      verbosity: ["“9” 不是合法选项。"],
      variables: ["必须是 YAML 或 JSON 格式的字典（mapping）。"],
      diff_mode: ["“maybe” 不是合法选项。"],
    });
    const limit = await api("POST", `/api/job/template/${t.id}/launch/`, { json: { limit: "@/etc/passwd", variables: "- a" } });
    expect(limit.body).toEqual({ variables: ["必须是 YAML 或 JSON 格式的字典（mapping）。"], limit: ["limit 不能包含 @（不允许从文件读取主机）。"] });
    // an asked-for inventory cleared at launch leaves the job without hosts
    const cleared = await api("POST", `/api/job/template/${t.id}/launch/`, { json: { inventory: null } });
    expect(cleared.body).toEqual({ inventory: ["需要主机清单或主机列表（inventory_str）。"] });
    expect(await dbSnapshot()).toEqual(before);
  });

  it("is refused to a viewer, who may still read what it would ask", async () => {
    const t = await template(ALL_ASKED);
    const viewer = await makeUser("viewer1", "只读", "viewer");
    const r = await api("POST", `/api/job/template/${t.id}/launch/`, { as: viewer!.id, json: { limit: "web1" } });
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ detail: "您没有执行该操作的权限。" });
    expect(await jobCount()).toBe(0);
    expect((await api("GET", `/api/job/template/${t.id}/launch/`, { as: viewer!.id })).status).toBe(200);
  });
});

describe("GET /api/job/template/<id>/launch/", () => {
  it("says what a launch asks for, the defaults, and whether it can start as it is", async () => {
    const t = await template({ ask_limit_on_launch: true, ask_inventory_on_launch: true, diff_mode: 1, job_type: "check" });
    const r = await api("GET", `/api/job/template/${t.id}/launch/`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      ...NONE_ASKED,
      ask_limit_on_launch: true,
      ask_inventory_on_launch: true,
      defaults: {
        inventory: { id: refs.inventory, name: "生产" },
        credential: { id: refs.credential, name: "deploy" },
        job_type: "check",
        forks: 5,
        limit: "web",
        tags: "deploy",
        skip_tags: "",
        verbosity: 0,
        variables: "version: 1",
        diff_mode: 1,
      },
      inventory_needed_to_start: false,
      credential_needed_to_start: false,
      can_start_without_user_input: true,
      job_template_data: { id: t.id, name: "发布", description: "" },
    });
    await api("PATCH", `/api/job/template/${t.id}/`, { json: { inventory: null } });
    const needs = (await api("GET", `/api/job/template/${t.id}/launch/`)).body;
    expect(needs).toMatchObject({ inventory_needed_to_start: true, can_start_without_user_input: false });
    expect(needs.defaults.inventory).toBeNull();
    expect((await api("GET", "/api/job/template/4242/launch/")).status).toBe(404);
  });
});

describe("schedules override what the template asks for", () => {
  it("take every prompt as an override; a fire applies only those the template asks for", async () => {
    const t = await template({ ask_limit_on_launch: true, ask_inventory_on_launch: true, ask_forks_on_launch: true, ask_diff_mode_on_launch: true });
    const created = await api("POST", "/api/job/schedule/", { json: { name: "夜间", template: t.id, cron: "0 2 * * *", ...everyPrompt() } });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject(everyPrompt());

    const { db } = await ctx();
    await db.update(schedules).set({ nextFireAt: 1_800_000_000 }).where(eq(schedules.id, created.body.id));
    const [fired] = await fireDueSchedules(db, 1_800_000_001);
    expect(await jobRow(fired!)).toMatchObject({
      scheduleId: created.body.id,
      // asked for: the schedule's
      inventoryId: refs.inventory2,
      inventoryName: "预发",
      limit: "staging1",
      forks: 12,
      diffMode: 1,
      // not asked for: the template's
      credentialId: refs.credential,
      jobType: "run",
      tags: "deploy",
      skipTags: "",
      verbosity: 0,
      variables: "version: 1",
    });
    // run now applies the same
    const now = await api("POST", `/api/job/schedule/${created.body.id}/launch/`);
    expect(now.body).toMatchObject({ inventory: refs.inventory2, limit: "staging1", credential: refs.credential, tags: "deploy" });
  });

  it("refuses an override the template itself would refuse, changing nothing", async () => {
    const t = await template();
    const s = (await api("POST", "/api/job/schedule/", { json: { name: "s", template: t.id, cron: "0 2 * * *" } })).body;
    const before = await dbSnapshot();
    const bad = await api("PATCH", `/api/job/schedule/${s.id}/`, { json: { inventory: 99999, credential: 88888, forks: -1, diff_mode: "x" } });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      forks: ["请确保该值大于或者等于 0。"],
      diff_mode: ["“x” 不是合法选项。"],
      inventory: ["无效主键 “99999” － 对象不存在。"],
      credential: ["无效主键 “88888” － 对象不存在。"],
    });
    expect(await dbSnapshot()).toEqual(before);
    const cleared = await api("PATCH", `/api/job/schedule/${s.id}/`, { form: { inventory: "", forks: "" } });
    expect(cleared.body).toMatchObject({ inventory: null, forks: null });
  });
});
