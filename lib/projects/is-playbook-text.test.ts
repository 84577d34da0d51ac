import { describe, expect, it } from "vitest";
import { isPlaybookText } from "./is-playbook-text";

describe("isPlaybookText", () => {
  it("recognises plays and imports", () => {
    expect(isPlaybookText("- hosts: all\n  tasks:\n    - ping:\n")).toBe(true);
    expect(isPlaybookText("- import_playbook: web.yml\n- hosts: db\n  roles: [pg]\n")).toBe(true);
    expect(isPlaybookText("---\n- name: play\n  hosts: web\n  tasks: []\n")).toBe(true);
  });

  it("refuses task files, variable files and broken YAML", () => {
    expect(isPlaybookText("- name: a task\n  ping:\n")).toBe(false);
    expect(isPlaybookText("http_port: 80\n")).toBe(false);
    expect(isPlaybookText("[]")).toBe(false);
    expect(isPlaybookText("- hosts: all\n  tasks: [\n")).toBe(false);
    expect(isPlaybookText("")).toBe(false);
  });
});
