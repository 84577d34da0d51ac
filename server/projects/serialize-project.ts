import { toProjectRecord, type ProjectRecord } from "@/lib/contracts/project";
import type { ProjectRow } from "./project-row";

export type { ProjectRecord };

export function serializeProject(row: ProjectRow): ProjectRecord {
  return toProjectRecord(row);
}
