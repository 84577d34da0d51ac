import { describe, expect, it } from "vitest";
import { clientModules } from "./client-modules";

// What the history and a job's page evaluate before they hydrate, and so before their first
// paint (issue 17, docs/performance.md): libraries that only other pages or a later click
// need are loaded with those. A static import of one of them from these pages' modules
// would put it back into every load.
const page = (file: string) => clientModules({ server: ["app/layout.tsx", file], browser: ["instrumentation-client.ts"] });
const names = (packages: string[]) =>
  packages.map((p) =>
    p
      .split("/")
      .slice(0, p.startsWith("@") ? 2 : 1)
      .join("/"),
  );

describe("JavaScript a page evaluates before its first paint", () => {
  it("the history: no zod schemas, cron parser, YAML, ANSI or diff library", () => {
    const { packages } = page("app/jobs/page.tsx");
    expect(packages).toContain("@tanstack/react-query");
    expect(packages).not.toContain("zod");
    for (const lib of ["cron-parser", "yaml", "anser", "diff", "echarts"]) expect(names(packages)).not.toContain(lib);
  });

  it("a job's page: no cron parser or YAML library; its re-run dialogs and variables load on their own", () => {
    const { packages, files } = page("app/jobs/[id]/page.tsx");
    for (const lib of ["cron-parser", "yaml", "diff", "echarts"]) expect(names(packages)).not.toContain(lib);
    for (const file of ["components/jobs/rerun-dialog.tsx", "components/jobs/rerun-confirm.tsx", "components/jobs/job-variables.tsx"])
      expect(files).not.toContain(file);
    // the output's colours are drawn from its first line on
    expect(names(packages)).toContain("anser");
  });

  it("zod's configuration in the browser imports its core only", () => {
    expect(clientModules({ browser: ["instrumentation-client.ts"] }).packages).toEqual(["zod/v4/core"]);
  });
});
