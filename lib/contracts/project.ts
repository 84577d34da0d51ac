import { z } from "zod";
import { choice, string } from "../drf/fields";
import { MAX } from "../jobs/limits";
import { DESCRIPTION_FIELD, NAME_FIELD } from "./common-fields";
import { inputSpec, keysWith, recordSchema, serializer, type Contract } from "./define";

export const SCM_TYPES = ["manual", "git"] as const;

const text = (input: ReturnType<typeof string>) => ({ output: z.string(), input, update: true, orderable: true }) as const;

/** The project record, in its key order. */
export const PROJECT_FIELDS = {
  id: { output: z.number().int(), column: "id", orderable: true },
  name: { ...text(NAME_FIELD), column: "name", searchable: true, filter: "exact" },
  description: { ...text(DESCRIPTION_FIELD), column: "description", searchable: true },
  scm_type: { output: z.string(), column: "scmType", input: choice(SCM_TYPES), update: true, orderable: true },
  scm_url: { ...text(string({ maxLength: MAX.short })), column: "scmUrl" },
  scm_branch: { ...text(string({ maxLength: 256 })), column: "scmBranch" },
  local_path: { ...text(string({ maxLength: MAX.short })), column: "localPath" },
  /** the playbooks found in the project, at its last save or sync */
  playbooks: { output: z.array(z.string()), column: "playbooks" },
  /** git: the commit of the last sync, and why the last sync failed */
  scm_revision: { output: z.string().default(""), column: "scmRevision" },
  sync_error: { output: z.string().default(""), column: "syncError" },
  ctime: { output: z.number(), column: "ctime", orderable: true },
} as const satisfies Contract;

export const PROJECT_INPUT_FIELDS = inputSpec(PROJECT_FIELDS, keysWith(PROJECT_FIELDS, "input"));

/** The project record, as the web UI reads it. */
export const ProjectRecord = recordSchema(PROJECT_FIELDS);
export type ProjectRecord = z.infer<typeof ProjectRecord>;

export const toProjectRecord: (row: Record<string, unknown>) => ProjectRecord = serializer(PROJECT_FIELDS);
