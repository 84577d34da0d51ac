import { fetchJson } from "../api/http";
import { FilterDeleteCount, FilterDeleteDone } from "../contracts/job-bulk-delete";
import { JobPage, JobRecord, NamedObject, NamedPage } from "./job-record";

const JOBS = "/api/job/job/";

/** Objects a job references that have their own list API (docs/api.md). */
export const REFERENCE_KINDS = ["template", "inventory", "credential", "schedule", "project"] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export const fetchJobPage = (query: URLSearchParams, signal?: AbortSignal) => fetchJson(`${JOBS}?${query}`, { signal }, JobPage);

export const fetchJob = (id: number, signal?: AbortSignal) => fetchJson(`${JOBS}${id}/`, { signal }, JobRecord);

export const createJob = (body: Record<string, unknown>) => fetchJson(JOBS, { method: "POST", body: JSON.stringify(body) }, JobRecord);

export const deleteJobs = (ids: number[]) => fetchJson<null>(JOBS, { method: "DELETE", body: JSON.stringify({ "pk[]": ids }) });

/** The bulk delete of every job a list query's filters match (its page and order dropped): `all=1`, counted first with `dry_run=1`. */
function filterDeleteUrl(query: URLSearchParams, dryRun: boolean): string {
  const q = new URLSearchParams(query);
  for (const key of ["limit", "offset", "ordering"]) q.delete(key);
  q.set("all", "1");
  if (dryRun) q.set("dry_run", "1");
  return `${JOBS}?${q}`;
}

export const countMatchingJobs = (query: URLSearchParams) => fetchJson(filterDeleteUrl(query, true), { method: "DELETE" }, FilterDeleteCount);
export const deleteMatchingJobs = (query: URLSearchParams) => fetchJson(filterDeleteUrl(query, false), { method: "DELETE" }, FilterDeleteDone);

export const referencePath = (kind: ReferenceKind) => `/api/job/${kind}/`;

export function searchReferences(kind: ReferenceKind, search: string, signal?: AbortSignal) {
  const q = new URLSearchParams({ limit: "20", ordering: "name" });
  if (search.trim()) q.set("search", search.trim());
  return fetchJson(`${referencePath(kind)}?${q}`, { signal }, NamedPage);
}

export const fetchReference = (kind: ReferenceKind, id: number, signal?: AbortSignal) => fetchJson(`${referencePath(kind)}${id}/`, { signal }, NamedObject);
