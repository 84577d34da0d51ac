import { fetchJson, schemaOf } from "../api/http";

const JOBS = "/api/job/job/";

// the schemas load with the first answer they check, so zod is not in the pages' first JavaScript
const records = () => import("./job-record");
const bulkDelete = () => import("../contracts/job-bulk-delete");

/** Objects a job references that have their own list API (docs/api.md). */
export const REFERENCE_KINDS = ["template", "inventory", "credential", "schedule", "project"] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export const fetchJobPage = (query: URLSearchParams, signal?: AbortSignal) => fetchJson(`${JOBS}?${query}`, { signal }, schemaOf(records, "JobPage"));

export const fetchJob = (id: number, signal?: AbortSignal) => fetchJson(`${JOBS}${id}/`, { signal }, schemaOf(records, "JobRecord"));

export const createJob = (body: Record<string, unknown>) => fetchJson(JOBS, { method: "POST", body: JSON.stringify(body) }, schemaOf(records, "JobRecord"));

export const deleteJobs = (ids: number[]) => fetchJson<null>(JOBS, { method: "DELETE", body: JSON.stringify({ "pk[]": ids }) });

/** The bulk delete of every job a list query's filters match (its page and order dropped): `all=1`, counted first with `dry_run=1`. */
function filterDeleteUrl(query: URLSearchParams, dryRun: boolean): string {
  const q = new URLSearchParams(query);
  for (const key of ["limit", "offset", "ordering"]) q.delete(key);
  q.set("all", "1");
  if (dryRun) q.set("dry_run", "1");
  return `${JOBS}?${q}`;
}

export const countMatchingJobs = (query: URLSearchParams) =>
  fetchJson(filterDeleteUrl(query, true), { method: "DELETE" }, schemaOf(bulkDelete, "FilterDeleteCount"));
export const deleteMatchingJobs = (query: URLSearchParams) =>
  fetchJson(filterDeleteUrl(query, false), { method: "DELETE" }, schemaOf(bulkDelete, "FilterDeleteDone"));

export const referencePath = (kind: ReferenceKind) => `/api/job/${kind}/`;

export function searchReferences(kind: ReferenceKind, search: string, signal?: AbortSignal) {
  const q = new URLSearchParams({ limit: "20", ordering: "name" });
  if (search.trim()) q.set("search", search.trim());
  return fetchJson(`${referencePath(kind)}?${q}`, { signal }, schemaOf(records, "NamedPage"));
}

export const fetchReference = (kind: ReferenceKind, id: number, signal?: AbortSignal) =>
  fetchJson(`${referencePath(kind)}${id}/`, { signal }, schemaOf(records, "NamedObject"));
