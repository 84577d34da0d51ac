import { describe, expect, it } from "vitest";
import { buildCommand, hostListSource, jobFiles, type RunSpec } from "./build-command";

const base: RunSpec = {
  kind: "job",
  projectDir: "/p",
  playbook: "site.yml",
  module: "",
  arguments: "",
  jobType: "run",
  forks: 0,
  limit: "",
  tags: "",
  skipTags: "",
  verbosity: 0,
  variables: "",
  becomeEnabled: false,
  diffMode: false,
  forceHandlers: false,
  startAtTask: "",
  timeout: 0,
  inventorySource: "/j/inventory/hosts",
  credential: { username: "", hasPassword: false, hasSshKey: false, becomeMethod: "sudo", becomeUser: "", hasBecomePassword: false },
};
const files = jobFiles("/j");

describe("buildCommand", () => {
  it("runs a bare playbook", () => {
    expect(buildCommand(base, files)).toEqual({ program: "ansible-playbook", args: ["-i", "/j/inventory/hosts", "--", "site.yml"] });
  });

  it("maps every option to its flag, each value its own argument", () => {
    const spec: RunSpec = {
      ...base,
      jobType: "check",
      forks: 7,
      limit: "web;rm -rf /",
      tags: "a,b",
      skipTags: "c",
      verbosity: 3,
      variables: "x: 1",
      becomeEnabled: true,
      diffMode: true,
      forceHandlers: true,
      startAtTask: "Install $pkg",
      credential: { username: "deploy", hasPassword: true, hasSshKey: true, becomeMethod: "su", becomeUser: "root", hasBecomePassword: true },
    };
    expect(buildCommand(spec, files).args).toEqual([
      "-i",
      "/j/inventory/hosts",
      "--check",
      "--forks",
      "7",
      "-vvv",
      "--extra-vars",
      "@/j/extra-vars.yml",
      "--diff",
      "--user",
      "deploy",
      "--connection-password-file",
      "/j/secrets/connection-password",
      "--private-key",
      "/j/secrets/ssh-key",
      "--become",
      "--become-method",
      "su",
      "--become-user",
      "root",
      "--become-password-file",
      "/j/secrets/become-password",
      "--limit",
      "web;rm -rf /",
      "--tags",
      "a,b",
      "--skip-tags",
      "c",
      "--force-handlers",
      "--start-at-task",
      "Install $pkg",
      "--",
      "site.yml",
    ]);
  });

  it("runs an ad-hoc module against the limit or all", () => {
    const adhoc = { ...base, kind: "adhoc" as const, module: "shell", arguments: "echo hi", inventorySource: "h1,h2," };
    expect(buildCommand(adhoc, files)).toEqual({ program: "ansible", args: ["-i", "h1,h2,", "-m", "shell", "-a", "echo hi", "--", "all"] });
    expect(buildCommand({ ...adhoc, limit: "h2", arguments: "" }, files).args).toEqual(["-i", "h1,h2,", "-m", "shell", "--", "h2"]);
    expect(buildCommand({ ...adhoc, limit: "--version" }, files).args.slice(-2)).toEqual(["--", "--version"]);
  });

  it("caps verbosity at -vvvv", () => {
    expect(buildCommand({ ...base, verbosity: 9 }, files).args).toContain("-vvvv");
  });
});

describe("hostListSource", () => {
  it("turns any separators into Ansible's comma list", () => {
    expect(hostListSource("h1")).toBe("h1,");
    expect(hostListSource(" h1, h2\nh3 ")).toBe("h1,h2,h3,");
  });
});
