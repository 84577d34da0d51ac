import { describe, expect, it } from "vitest";
import type { TemplateRecord } from "../contracts/template";
import { askedPrompts, promptBody, promptValuesOf } from "./launch-prompts";

const template = {
  inventory: 3,
  credential: 4,
  job_type: "check",
  forks: 5,
  limit: "web",
  tags: "",
  skip_tags: "",
  verbosity: 2,
  variables: "a: 1",
  diff_mode: 1,
  ask_inventory_on_launch: true,
  ask_credential_on_launch: false,
  ask_job_type_on_launch: false,
  ask_forks_on_launch: true,
  ask_limit_on_launch: true,
  ask_tags_on_launch: false,
  ask_skip_tags_on_launch: false,
  ask_verbosity_on_launch: true,
  ask_variables_on_launch: false,
  ask_diff_mode_on_launch: true,
} as unknown as TemplateRecord;

describe("launch prompts", () => {
  it("asks what the template marks, pre-filled from it, and sends the API's types", () => {
    const keys = askedPrompts(template);
    expect(keys).toEqual(["inventory", "forks", "limit", "verbosity", "diff_mode"]);
    const values = promptValuesOf(template);
    expect(values).toEqual({ inventory: 3, forks: "5", limit: "web", verbosity: "2", diff_mode: true });
    expect(promptBody(keys, { ...values, forks: " ", diff_mode: false })).toEqual({ inventory: 3, forks: 0, limit: "web", verbosity: 2, diff_mode: 0 });
  });
});
