import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/db/client";

declare module "vitest" {
  export interface ProvidedContext {
    /** a migrated, empty PGlite data directory each test file copies */
    pgliteTemplate: string;
    /** a migrated, empty PostgreSQL database each test file is created from (TEST_DATABASE_URL) */
    postgresTemplate: string | null;
  }
}

/**
 * Migrates one database once per run; every test file starts from a copy. Creating and
 * migrating a database per file cost ~3 s on an idle machine and over 60 s on a loaded
 * one (hook timeouts); a copy costs a fraction of a second either way.
 */
export default async function setup(project: TestProject) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "zuoye-template-"));
  const pgliteDir = path.join(tmp, "pglite");
  await (await openDatabase({ pgliteDir })).close();
  project.provide("pgliteTemplate", pgliteDir);

  const serverUrl = process.env.TEST_DATABASE_URL;
  let template: string | null = null;
  if (serverUrl) {
    template = `zuoye_template_${process.pid}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${template} with (force)`);
    await admin.unsafe(`create database ${template}`);
    await admin.end();
    const u = new URL(serverUrl);
    u.pathname = `/${template}`;
    await (await openDatabase({ databaseUrl: u.toString(), pgliteDir: "" })).close();
  }
  project.provide("postgresTemplate", template);

  return async () => {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (serverUrl && template) {
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database if exists ${template} with (force)`);
      await admin.end();
    }
  };
}
