import { fetchJson, schemaOf } from "../api/http";

export type { HostSummary, HostSummaryPage, LinesPage, RelaunchOptions } from "./output-records";

// the schemas load with the first answer they check, so zod is not in the pages' first JavaScript
const records = () => import("./output-records");
const jobRecord = schemaOf(() => import("./job-record"), "JobRecord");

const jobPath = (id: number) => `/api/job/job/${id}/`;

export type LinesQuery = { start: number; limit: number; search?: string; host?: string };

export function fetchLines(id: number, q: LinesQuery, signal?: AbortSignal) {
  const params = new URLSearchParams({ start: String(q.start), limit: String(q.limit) });
  if (q.search) params.set("search", q.search);
  if (q.host) params.set("host", q.host);
  return fetchJson(`${jobPath(id)}lines/?${params}`, { signal }, schemaOf(records, "LinesPage"));
}

/** At most this many hosts are listed; the count says how many there are. */
export const HOSTS_SHOWN = 500;

export const fetchHostSummaries = (id: number, signal?: AbortSignal) =>
  fetchJson(`${jobPath(id)}hosts/?limit=${HOSTS_SHOWN}`, { signal }, schemaOf(records, "HostSummaryPage"));

/** 202 with the job; 409 when it is no longer waiting or running. */
export const cancelJob = (id: number) => fetchJson(`${jobPath(id)}cancel/`, { method: "POST", body: "{}" }, jobRecord);

export type RelaunchBody = { hosts: "all" | "failed"; start_at?: "copied" | "failed_task" } & Record<string, unknown>;

export const relaunchJob = (id: number, body: RelaunchBody) => fetchJson(`${jobPath(id)}relaunch/`, { method: "POST", body: JSON.stringify(body) }, jobRecord);

export const fetchRelaunchOptions = (id: number, signal?: AbortSignal) =>
  fetchJson(`${jobPath(id)}relaunch/`, { signal }, schemaOf(records, "RelaunchOptions"));

/** The plays and tasks with their times, for the output's foldable sections. */
export const fetchOutline = (id: number, signal?: AbortSignal) => fetchJson(`${jobPath(id)}outline/`, { signal }, schemaOf(records, "JobOutline"));

export const streamUrl = (id: number, after: number) => `${jobPath(id)}stream/?after=${after}`;

export const stdoutDownloadUrl = (id: number, format: "txt" | "ansi") => `${jobPath(id)}stdout/?format=${format}&download=1`;
